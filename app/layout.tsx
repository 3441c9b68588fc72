import type { ReactNode } from "react";
import type { Metadata, Viewport } from "next";

import { SITE_DESCRIPTION, SITE_NAME } from "@/lib/constants";
import { SiteHeader } from "@/components/site-header";
import { ThemeScript } from "@/components/theme-script";

import "./globals.css";

export const metadata: Metadata = {
  title: { default: `${SITE_NAME}: eBPF troubleshooting knowledge base`, template: `%s · ${SITE_NAME}` },
  description: SITE_DESCRIPTION,
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#020617" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body className="flex min-h-screen flex-col">
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
          {children}
        </main>
        <footer className="border-t border-slate-200 py-6 text-center text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400">
          {SITE_NAME}: write-ups of public eBPF incidents, each citing its sources. Nothing you paste leaves your browser.
        </footer>
      </body>
    </html>
  );
}
