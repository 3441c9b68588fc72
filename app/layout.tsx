import type { ReactNode } from "react";
import type { Metadata, Viewport } from "next";

import { ROUTES, SITE_DESCRIPTION, SITE_NAME, SITE_URL } from "@/lib/constants";
import { SITE_TITLE } from "@/app/page-metadata";
import { SiteHeader } from "@/components/site-header";
import { ThemeScript } from "@/components/theme-script";

import "./globals.css";

export const metadata: Metadata = {
  // Every URL in the head (canonical, og:url, og:image, feeds) is absolute, on KB_SITE_URL.
  metadataBase: new URL(SITE_URL),
  title: { default: SITE_TITLE, template: `%s · ${SITE_NAME}` },
  description: SITE_DESCRIPTION,
  applicationName: SITE_NAME,
  manifest: ROUTES.manifest,
  icons: {
    icon: [{ url: ROUTES.icon, type: "image/svg+xml" }, { url: ROUTES.icon192, type: "image/png", sizes: "192x192" }],
    apple: [{ url: ROUTES.appleIcon, sizes: "180x180" }],
  },
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
        {/* Lets a browser add the knowledge base as a search engine (the template is the browse page's ?q=). */}
        <link rel="search" type="application/opensearchdescription+xml" title={SITE_NAME} href={ROUTES.openSearch} />
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
