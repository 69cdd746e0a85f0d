// The thin layer between the extension and the browser it runs in: Chromium's `chrome.*` or
// Firefox's `browser.*` (both promise-based in Manifest V3), and Chromium's side panel or
// Firefox's sidebar. Everything else in the extension is the same code in both.

/** The extension API: `browser` in Firefox, `chrome` in Chromium. */
export const api = globalThis.browser ?? globalThis.chrome;

/** "sidePanel" (Chromium), "sidebar" (Firefox) or null (neither). */
export const panelKind = api?.sidePanel?.open ? "sidePanel" : api?.sidebarAction?.open ? "sidebar" : null;

/**
 * Opens the panel for tab `tabId` showing `path`. Must be called straight from the click or the
 * keyboard shortcut: both browsers open panels only in a user gesture, so nothing is awaited
 * before `open()`.
 */
export function openPanel(tabId, path) {
  if (panelKind === "sidePanel") {
    api.sidePanel.setOptions({ tabId, path, enabled: true }).catch(() => {});
    return api.sidePanel.open({ tabId });
  }
  if (panelKind === "sidebar") {
    api.sidebarAction.setPanel({ tabId, panel: path }).catch(() => {});
    return api.sidebarAction.open();
  }
  return Promise.reject(new Error("no side panel API in this browser"));
}

/** The extension's own storage (`storage.local`): reading preferences and nothing else. */
export const store = {
  async get(key, fallback) {
    try {
      const got = await api.storage.local.get(key);
      return got?.[key] ?? fallback;
    } catch {
      return fallback;
    }
  },
  async set(key, value) {
    try {
      await api.storage.local.set({ [key]: value });
      return true;
    } catch {
      return false;
    }
  },
};
