import { HOST_PAGE_HTML } from '../browser/support/host-page-html';

/** The sandbox's own parts of the page: the member switcher, the bot's notices, the card's comments. */
const SANDBOX_STYLE = `
  #sandbox-bar { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; padding: 8px 12px; background: #172b4d; color: #fff; }
  #sandbox-bar strong { font-size: 15px; }
  #sandbox-bar .hint { color: #b6c2cf; font-size: 13px; margin-right: auto; }
  #sandbox-bar label { display: flex; gap: 6px; align-items: center; }
  #sandbox-bar select { font: inherit; padding: 4px 6px; border-radius: 3px; border: 0; }
  .card { cursor: pointer; } .card[draggable="true"] { cursor: grab; }
  .card.sandbox-dragging { opacity: .4; }
  .list.sandbox-drop { outline: 2px dashed #fff; outline-offset: -2px; background: #dfe1e6; }
  .card.sandbox-snapped { animation: sandbox-snap 1.2s ease-out 2; }
  @keyframes sandbox-snap { 0% { box-shadow: 0 0 0 3px #c9372c; transform: translateX(-6px); } 20% { transform: translateX(6px); } 40% { transform: translateX(0); } 100% { box-shadow: 0 0 0 3px #c9372c00; } }
  .sandbox-count { display: inline-flex; gap: 3px; align-items: center; font-size: 12px; color: #44546f; line-height: 20px; }
  .sandbox-count svg { width: 14px; height: 14px; }
  .card-view { position: relative; }
  .sandbox-close { position: absolute; top: 8px; right: 8px; border: 0; background: none; font-size: 24px; cursor: pointer; color: #44546f; }
  .sandbox-checklist { margin-top: 16px; border-top: 1px solid #dcdfe4; padding-top: 8px; }
  .sandbox-checklist h3 { margin: 0 0 8px; font-size: 16px; }
  .sandbox-check-item { display: flex; gap: 8px; align-items: center; padding: 4px 0; cursor: pointer; }
  .sandbox-comments { margin-top: 16px; border-top: 1px solid #dcdfe4; padding-top: 8px; }
  .sandbox-comments h3 { margin: 0 0 8px; font-size: 16px; }
  .sandbox-comments ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
  .sandbox-comment { background: #f1f2f4; border-radius: 8px; padding: 8px 12px; }
  .sandbox-comment .who { font-weight: 600; } .sandbox-comment .when { color: #626f86; font-size: 12px; margin-left: 6px; }
  .sandbox-comment .text { white-space: pre-wrap; margin-top: 4px; }
  .sandbox-comment.from-bot { background: #e9f2ff; }
  #sandbox-notices { position: fixed; bottom: 16px; right: 12px; width: 360px; max-width: calc(100vw - 24px); display: grid; gap: 8px; z-index: 30; }
  .sandbox-notice { background: #fff; border-left: 4px solid #0c66e4; border-radius: 6px; padding: 8px 32px 8px 12px; box-shadow: 0 8px 12px #091e4240; position: relative; cursor: pointer; }
  .sandbox-notice.refused { border-left-color: #c9372c; }
  .sandbox-notice .title { font-weight: 600; margin-bottom: 4px; }
  .sandbox-notice .text { white-space: pre-wrap; font-size: 13px; }
  .sandbox-notice button { position: absolute; top: 2px; right: 4px; border: 0; background: none; font-size: 18px; cursor: pointer; color: #44546f; }
`;

/**
 * The test host's page with the sandbox on top: Trello's board played for a trainee, in Russian.
 * The host's own layers and script stay as the browser tests use them.
 */
export const SANDBOX_PAGE_HTML = replaceOnce(
  replaceOnce(
    replaceOnce(replaceOnce(HOST_PAGE_HTML, '<title>Trello (test host)</title>', '<title>Gatekeeper — песочница</title>'), '</style>', `${SANDBOX_STYLE}</style>`),
    '<body>\n',
    '<body>\n<div id="sandbox-bar"></div>\n<div id="sandbox-notices" aria-live="polite"></div>\n',
  ),
  '<script src="/host.js"></script>',
  '<script src="/host.js"></script>\n<script src="/sandbox.js"></script>',
);

function replaceOnce(html: string, marker: string, by: string): string {
  if (html.split(marker).length !== 2) throw new Error(`sandbox page: the host page should have "${marker}" exactly once`);
  return html.replace(marker, () => by);
}
