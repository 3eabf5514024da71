// An accessible tab list (WAI-ARIA tabs pattern): one tab stop, arrow keys / Home / End move
// between tabs, the selected panel follows. Tab ids are unique per exercise.
export interface Tabs {
  select(name: string, focus?: boolean): void;
  selected(): string;
  panel(name: string): HTMLElement;
  focusSelected(): void;
  onChange(fn: (name: string) => void): void;
}

export function createTabs(root: HTMLElement, prefix: string, names: readonly string[], label: string): Tabs {
  const list = document.createElement('div');
  list.setAttribute('role', 'tablist');
  list.setAttribute('aria-label', label);
  list.className = 'ex-tablist';
  const tabs = new Map<string, HTMLButtonElement>();
  const panels = new Map<string, HTMLElement>();
  const listeners: ((name: string) => void)[] = [];
  let current = names[0];
  const slug = (n: string) => n.toLowerCase().replace(/[^a-z0-9]+/g, '-');

  for (const name of names) {
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.setAttribute('role', 'tab');
    tab.id = `${prefix}-tab-${slug(name)}`;
    tab.textContent = name;
    tab.setAttribute('aria-controls', `${prefix}-panel-${slug(name)}`);
    tab.addEventListener('click', () => api.select(name));
    list.append(tab);
    tabs.set(name, tab);
    const panel = document.createElement('div');
    panel.setAttribute('role', 'tabpanel');
    panel.id = `${prefix}-panel-${slug(name)}`;
    panel.setAttribute('aria-labelledby', tab.id);
    panel.tabIndex = 0;
    panel.className = `ex-panel ex-panel-${slug(name)}`;
    panels.set(name, panel);
  }
  list.addEventListener('keydown', (e) => {
    const i = names.indexOf(current);
    const next =
      e.key === 'ArrowRight' ? names[(i + 1) % names.length]
      : e.key === 'ArrowLeft' ? names[(i - 1 + names.length) % names.length]
      : e.key === 'Home' ? names[0]
      : e.key === 'End' ? names[names.length - 1]
      : undefined;
    if (next) {
      e.preventDefault();
      api.select(next, true);
    }
  });
  root.append(list, ...panels.values());

  const api: Tabs = {
    select(name, focus = false) {
      current = name;
      for (const [n, tab] of tabs) {
        const on = n === name;
        tab.setAttribute('aria-selected', String(on));
        tab.tabIndex = on ? 0 : -1;
        panels.get(n)!.hidden = !on;
      }
      if (focus) tabs.get(name)!.focus();
      for (const fn of listeners) fn(name);
    },
    selected: () => current,
    panel: (name) => panels.get(name)!,
    focusSelected: () => tabs.get(current)!.focus(),
    onChange: (fn) => void listeners.push(fn),
  };
  api.select(current);
  return api;
}
