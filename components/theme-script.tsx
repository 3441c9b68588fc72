/**
 * Sets the theme class before the first paint, so a dark-mode reader never sees a white flash.
 * Stored choice ("light" | "dark") wins; otherwise the system preference.
 */
export const THEME_STORAGE_KEY = "ebpf-kb-theme";

const script = `(function(){try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});var d=t==="dark"||(t!=="light"&&window.matchMedia("(prefers-color-scheme: dark)").matches);document.documentElement.classList.toggle("dark",d);}catch(e){}})();`;

export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}
