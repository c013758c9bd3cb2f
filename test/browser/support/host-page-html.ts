/**
 * The host page: a board, a card view, layers for popups and alerts, and the hidden connector.
 * Laid out like Trello's web app: columns of cards; the opened card over the board, full width on
 * a phone; popups 304 px wide.
 */
export const HOST_PAGE_HTML = `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Trello (test host)</title>
<style>
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.4 -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif; background: #0c66e4; color: #172b4d; }
  #board { display: flex; gap: 12px; padding: 12px; overflow-x: auto; align-items: flex-start; }
  .list { flex: 0 0 272px; background: #f1f2f4; border-radius: 12px; padding: 8px; }
  .list h3 { margin: 4px 8px 8px; font-size: 14px; }
  .card { background: #fff; border-radius: 8px; padding: 8px; margin-bottom: 8px; box-shadow: 0 1px 1px #091e4240; }
  .badges, .detail-badges { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 6px; }
  .badge { display: inline-block; border: 0; border-radius: 3px; padding: 0 6px; font: inherit; font-size: 12px; line-height: 20px; background: #dcdfe4; color: #172b4d; }
  .badge-green { background: #4bce97; } .badge-yellow { background: #f5cd47; } .badge-red { background: #f87168; }
  button.badge { cursor: pointer; }
  .detail-badge-title { font-size: 12px; color: #44546f; font-weight: 600; }
  #card-layer:not(:empty) { position: fixed; inset: 0; background: #091e427d; overflow-y: auto; padding: 48px 12px; }
  .card-view { background: #fff; max-width: 768px; margin: 0 auto; border-radius: 12px; padding: 16px; }
  .card-view h2 { margin: 0; font-size: 20px; } .in-list { margin: 0 0 8px; color: #44546f; }
  .card-main { display: flex; gap: 16px; align-items: flex-start; margin-top: 12px; }
  .card-section { flex: 1 1 0; min-width: 0; }
  .card-section h3 { display: flex; gap: 8px; align-items: center; margin: 0 0 8px; font-size: 16px; }
  .card-section h3 img { width: 20px; height: 20px; }
  .card-section iframe, .popup-body iframe { display: block; width: 100%; border: 0; }
  .card-buttons { flex: 0 0 168px; display: flex; flex-direction: column; gap: 8px; }
  .card-button { display: flex; gap: 6px; align-items: center; border: 0; border-radius: 3px; padding: 6px 12px; background: #091e420f; font: inherit; cursor: pointer; }
  .card-button img { width: 16px; height: 16px; }
  @media (max-width: 600px) {
    #card-layer:not(:empty) { padding: 0; }
    .card-view { border-radius: 0; min-height: 100%; padding: 12px; }
    .card-main { flex-direction: column-reverse; align-items: stretch; }
    .card-buttons { flex: none; width: 100%; }
  }
  #popup-layer:not(:empty) { position: fixed; inset: 0; z-index: 10; }
  .popup { position: absolute; top: 40px; left: 50%; transform: translateX(-50%); width: 304px; max-width: calc(100vw - 16px); background: #fff; border-radius: 8px; box-shadow: 0 8px 12px #091e4226; }
  .popup-header { display: flex; justify-content: center; align-items: center; position: relative; padding: 8px 32px; color: #44546f; font-weight: 600; }
  .popup-close { position: absolute; right: 4px; border: 0; background: none; font-size: 20px; cursor: pointer; }
  .popup-body { padding: 0 12px 12px; }
  #alert-layer { position: fixed; left: 50%; bottom: 16px; transform: translateX(-50%); z-index: 20; display: grid; gap: 8px; }
  .alert { padding: 10px 16px; border-radius: 4px; background: #172b4d; color: #fff; }
  .alert-success { background: #1f845a; } .alert-error { background: #c9372c; } .alert-warning { background: #b65c02; }
  #board-header:not(:empty) { display: flex; gap: 8px; align-items: center; padding: 8px 12px; background: #0055cc; color: #fff; }
  #board-header h1 { margin: 0 auto 0 0; font-size: 18px; }
  .board-button { display: flex; gap: 6px; align-items: center; border: 0; border-radius: 3px; padding: 6px 12px; background: #ffffff33; color: #fff; font: inherit; cursor: pointer; }
  .board-button img { width: 16px; height: 16px; filter: brightness(0) invert(1); }
  #modal-layer:not(:empty) { position: fixed; inset: 0; z-index: 4; background: #091e427d; overflow-y: auto; padding: 48px 12px; }
  #card-layer:not(:empty) { z-index: 5; }
  .modal { background: #fff; max-width: 768px; margin: 0 auto; border-radius: 12px; overflow: hidden; }
  .modal-fullscreen { position: fixed; inset: 16px; max-width: none; display: flex; flex-direction: column; }
  .modal-header { display: flex; align-items: center; justify-content: space-between; padding: 8px 8px 8px 16px; font-weight: 600; color: #44546f; }
  .modal-close { border: 0; background: none; font-size: 22px; cursor: pointer; }
  .modal-body { flex: 1 1 auto; min-height: 0; }
  .modal-body iframe { display: block; width: 100%; height: 100%; border: 0; }
  @media (max-width: 600px) { .modal-fullscreen { inset: 0; border-radius: 0; } }
  #connector-layer iframe { position: absolute; width: 0; height: 0; border: 0; }
</style>
</head>
<body>
<header id="board-header"></header>
<div id="board"></div>
<div id="modal-layer"></div>
<div id="card-layer"></div>
<div id="popup-layer"></div>
<div id="alert-layer"></div>
<div id="connector-layer"></div>
<script src="/host.js"></script>
</body>
</html>`;
