/**
 * Which distribution a `uname -r` string comes from, and whether that vendor is known to backport
 * BPF features into kernels whose version number is older than the features.
 */
export interface DistroGuess {
  distro: string;
  /** True when the vendor backports BPF features; the version number then understates the kernel. */
  backports: boolean;
  note: string;
}

const PROBE_HINT = "Run `bpftool feature probe` on the node (paste its output here) for the features it really has.";

const RULES: { test: RegExp; guess: DistroGuess }[] = [
  {
    test: /\.el\d+uek|uek/i,
    guess: {
      distro: "Oracle Linux (Unbreakable Enterprise Kernel)",
      backports: true,
      note: `Oracle's UEK kernels carry BPF features from newer mainline kernels. ${PROBE_HINT}`,
    },
  },
  {
    test: /\.elrepo\b/i,
    guess: {
      distro: "ELRepo kernel-lt / kernel-ml (mainline build for Enterprise Linux)",
      backports: false,
      note: "ELRepo packages mainline kernels with few changes, so the version number is a fair guide.",
    },
  },
  {
    test: /\.el(\d+)(?:_\d+)?\b/i,
    guess: {
      distro: "Red Hat Enterprise Linux or a rebuild (CentOS, Rocky, AlmaLinux)",
      backports: true,
      note: `RHEL kernels keep an old version number (4.18 for RHEL 8, 5.14 for RHEL 9) but backport many BPF features, helpers and program types from newer kernels. ${PROBE_HINT}`,
    },
  },
  {
    test: /\.amzn\d+/i,
    guess: {
      distro: "Amazon Linux",
      backports: true,
      note: `Amazon Linux kernels follow upstream long-term kernels with extra backports. ${PROBE_HINT}`,
    },
  },
  {
    test: /-(aws|azure|gcp|gke|oracle|oem|ibm|kvm|lowlatency|raspi|hwe)\b/i,
    guess: {
      distro: "Ubuntu cloud or HWE kernel",
      backports: true,
      note: `Ubuntu's cloud and hardware-enablement kernels pick up BPF fixes and features from newer releases. ${PROBE_HINT}`,
    },
  },
  {
    test: /-\d+-generic\b/i,
    guess: {
      distro: "Ubuntu (generic kernel)",
      backports: true,
      note: `Ubuntu kernels carry backported fixes and some BPF features beyond their mainline base. ${PROBE_HINT}`,
    },
  },
  {
    test: /-(amd64|arm64|cloud-amd64|cloud-arm64|rt-amd64)\b/i,
    guess: {
      distro: "Debian",
      backports: false,
      note: "Debian's stable kernels follow the upstream stable series, so the version number is a fair guide.",
    },
  },
];

export function guessDistro(release: string): DistroGuess | null {
  for (const rule of RULES) if (rule.test.test(release)) return rule.guess;
  return null;
}
