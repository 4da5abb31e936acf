// Progressive enhancements shared by every page. Each module does nothing
// when its markup is absent.
import { initThemeToggle } from "./lib/theme";
import { initCopyButtons } from "./lib/copy";
import { initDirectoryFilter } from "./lib/directory";
import { initSearchShortcut } from "./lib/search-shortcut";
import { initSearch } from "./search/loader";
import { initOffline } from "./lib/offline";

initThemeToggle();
initCopyButtons();
initDirectoryFilter();
initSearchShortcut();
initSearch();
initOffline();
