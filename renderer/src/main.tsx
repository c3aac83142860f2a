// First: configures zod before the contract's schemas are created (see the module).
import './api/jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { adoptUrlToken } from './api/webToken';
import { applyAppearance, loadAppearance } from './appearance/appearance';
// Every style sheet, here and only here, all in theme/. The features' sheets come first, in the
// order the components used to import them, so the cascade is what it was; modal.css before
// them all: each dialog's own rules override the shared frame.
import './theme/modal.css';
import './theme/bulk.css';
import './theme/citations.css';
import './theme/links.css';
import './theme/passageHighlights.css';
import './theme/pageBreaks.css';
import './theme/search.css';
import './theme/export.css';
import './theme/sync.css';
import './theme/shortcuts.css';
import './theme/library-select.css';
import './theme/tokens.css';
import './theme/tokens-highlights.css';
import './theme/base.css';
import './theme/layout.css';
import './theme/library.css';
import './theme/reader.css';
import './theme/images.css';
import './theme/pageview.css';
import './theme/toasts.css';
import './theme/import.css';
import './theme/passages.css';
import './theme/tags.css';
import './theme/notes.css';

// Web mode: the token leaves the address bar before anything reads, shows or bookmarks the URL.
if (!window.commonplace) adoptUrlToken();

// The theme and typography before the first paint, so a dark window never flashes light.
applyAppearance(loadAppearance(), document.documentElement);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
