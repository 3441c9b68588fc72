/**
 * /kernel, "what breaks on my kernel": the version lives in `?v=`, the lists follow it, distribution
 * kernels that backport get a notice, and pasted `bpftool feature probe` output overrides the guess
 * from the version number.
 */
import type { Page } from "@playwright/test";

import { expect, expectParams, readRecord, SEEDS, test, waitForHydration } from "./fixtures";

const retina = readRecord(SEEDS.retina);
const calico = readRecord(SEEDS.calico);

function kernelPage(page: Page) {
  const versionField = page.getByRole("textbox", { name: "Kernel version", exact: true });
  return {
    versionField,
    check: page.getByRole("button", { name: "Check" }),
    probeField: page.getByRole("textbox", { name: "bpftool feature probe output" }),
    incidents: page.getByRole("region", { name: /^Known incidents on this kernel/ }),
    helpers: page.getByRole("region", { name: /^Helpers it lacks/ }),
    progTypes: page.getByRole("region", { name: /^Program types it lacks/ }),
    mapTypes: page.getByRole("region", { name: /^Map types it lacks/ }),
    async open(url: string) {
      await page.goto(url);
      await waitForHydration(versionField);
    },
  };
}

/** `bpftool feature probe kernel` plain-text output, trimmed to a few lines of each section. */
function probeOutput(helpers: string[]): string {
  return [
    "Scanning system configuration...",
    "bpf() syscall restricted to privileged users",
    "JIT compiler is enabled",
    "",
    "Scanning system call availability...",
    "bpf() syscall is available",
    "",
    "Scanning eBPF program types...",
    "eBPF program_type socket_filter is available",
    "eBPF program_type kprobe is available",
    "eBPF program_type sched_cls is available",
    "eBPF program_type sk_lookup is NOT available",
    "",
    "Scanning eBPF map types...",
    "eBPF map_type hash is available",
    "eBPF map_type array is available",
    "eBPF map_type ringbuf is NOT available",
    "",
    "Scanning eBPF helper functions...",
    "eBPF helpers supported for program type socket_filter:",
    ...helpers.map((h) => `\t- ${h}`),
    "eBPF helpers supported for program type kprobe:",
    ...helpers.map((h) => `\t- ${h}`),
    "",
    "Scanning miscellaneous eBPF features...",
    "Large program size limit is available",
    "",
  ].join("\n");
}

const BASE_HELPERS = ["bpf_map_lookup_elem", "bpf_map_update_elem", "bpf_map_delete_elem", "bpf_probe_read", "bpf_ktime_get_ns"];

test("typing a version and submitting writes ?v= and updates the lists", async ({ page }) => {
  const k = kernelPage(page);
  await k.open("/kernel");
  await expect(k.helpers).toHaveCount(0);

  await k.versionField.fill("6.1.0-9-amd64");
  await k.check.click();
  await expectParams(page, { v: "6.1.0-9-amd64" }, "/kernel");
  await expect(page.getByRole("heading", { level: 2, name: "Kernel 6.1.0-9-amd64" })).toBeVisible();
  await expect(k.incidents.getByRole("link", { name: retina.title })).toHaveCount(0);
  await expect(k.helpers.getByText("bpf_ktime_get_boot_ns", { exact: true })).toHaveCount(0);

  // Typing alone (no submit) updates the URL after a pause.
  await k.versionField.fill("5.4.0-189-generic");
  await expectParams(page, { v: "5.4.0-189-generic" }, "/kernel");
  await expect(page.getByRole("heading", { level: 2, name: "Kernel 5.4.0-189-generic" })).toBeVisible();
  await expect(k.incidents.getByRole("link", { name: retina.title })).toBeVisible();
  await expect(k.helpers.getByText("bpf_ktime_get_boot_ns", { exact: true })).toBeVisible();

  // Enter submits too.
  await k.versionField.fill("5.10.0-30-amd64");
  await k.versionField.press("Enter");
  await expectParams(page, { v: "5.10.0-30-amd64" }, "/kernel");
  await expect(k.incidents.getByRole("link", { name: retina.title })).toHaveCount(0);
});

test("/kernel?v=5.4.0-189-generic shows the incidents whose range holds 5.4 and the missing bpf_ktime_get_boot_ns", async ({ page }) => {
  const k = kernelPage(page);
  await k.open("/kernel?v=5.4.0-189-generic");
  await expect(k.versionField).toHaveValue("5.4.0-189-generic");
  await expect(k.incidents.getByRole("link", { name: retina.title })).toHaveAttribute("href", `/issues/${SEEDS.retina}`);
  // A record tied to no kernel version is not a "this kernel" incident (the Calico seed's failure has no range).
  if (!calico.kernel?.affected) await expect(k.incidents.getByRole("link", { name: calico.title })).toHaveCount(0);
  await expect(k.helpers.getByText("bpf_ktime_get_boot_ns", { exact: true })).toBeVisible();
  // Helper 125 came with Linux 5.8; the page says so next to it.
  await expect(k.helpers.getByRole("definition").filter({ hasText: "bpf_ktime_get_boot_ns" })).toHaveCount(1);
  await expect(k.helpers.getByRole("term").filter({ hasText: "5.8" })).toBeVisible();

  // Following an incident link reaches the incident page.
  await k.incidents.getByRole("link", { name: retina.title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(retina.title);
  await page.goBack();
  await expectParams(page, { v: "5.4.0-189-generic" }, "/kernel");
  await expect(k.helpers.getByText("bpf_ktime_get_boot_ns", { exact: true })).toBeVisible();
});

test("a RHEL 8 kernel (4.18.0-553.el8_10.x86_64) gets the backport notice", async ({ page }) => {
  const k = kernelPage(page);
  await k.open("/kernel?v=4.18.0-553.el8_10.x86_64");
  const note = page.getByRole("note");
  await expect(note).toContainText(/backport/i);
  await expect(note).toContainText("bpftool feature probe");

  // A Debian kernel is not flagged as a backporting one.
  await k.versionField.fill("6.1.0-9-amd64");
  await k.check.click();
  await expectParams(page, { v: "6.1.0-9-amd64" }, "/kernel");
  await expect(page.getByRole("heading", { level: 2, name: "Kernel 6.1.0-9-amd64" })).toBeVisible();
  await expect(page.getByRole("note").filter({ hasText: /backports BPF features/i })).toHaveCount(0);
});

test("pasted bpftool feature probe output changes the answer and stays out of the URL", async ({ page }) => {
  const k = kernelPage(page);
  await k.open("/kernel?v=5.4.0-189-generic");
  await expect(k.helpers.getByText("bpf_ktime_get_boot_ns", { exact: true })).toBeVisible();
  await expect(k.progTypes.getByText("BPF_PROG_TYPE_SK_LOOKUP", { exact: true })).toBeVisible();

  await page.getByText("Have bpftool feature probe output?").click();
  // The node's probe lists helper 125: a backported helper is no longer reported missing.
  await k.probeField.fill(probeOutput([...BASE_HELPERS, "bpf_ktime_get_boot_ns"]));
  await expect(page.getByText("come from the bpftool probe output you pasted")).toBeVisible();
  await expect(k.helpers.getByText("bpf_ktime_get_boot_ns", { exact: true })).toHaveCount(0);
  await expect(k.helpers.getByText("bpf_ktime_get_ns", { exact: true })).toHaveCount(0);
  await expect(k.progTypes.getByText("BPF_PROG_TYPE_SK_LOOKUP", { exact: true })).toBeVisible();
  await expect(k.mapTypes.getByText("BPF_MAP_TYPE_RINGBUF", { exact: true })).toBeVisible();
  await expectParams(page, { v: "5.4.0-189-generic" }, "/kernel");

  // A probe without it reports it missing again: the answer follows the probe, not the version.
  await k.probeField.fill(probeOutput(BASE_HELPERS));
  await expect(k.helpers.getByText("bpf_ktime_get_boot_ns", { exact: true })).toBeVisible();

  // Cleared, the answer is the version's again.
  await k.probeField.fill("");
  await expect(page.getByText("come from the version number")).toBeVisible();
});

test("the long-term kernels link from /kernel to their static pages", async ({ page }) => {
  const k = kernelPage(page);
  await k.open("/kernel");
  const lts = page.getByRole("navigation", { name: "Long-term kernels" });
  await lts.getByRole("link", { name: "5.4", exact: true }).click();
  await expect(page).toHaveURL(/\/kernel\/5\.4$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("5.4");
  await expect(page.getByRole("link", { name: retina.title })).toBeVisible();
  await expect(page.getByText("bpf_ktime_get_boot_ns", { exact: true })).toBeVisible();
});
