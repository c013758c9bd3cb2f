import type { FrameLocator } from 'playwright-core';
import type { HostPage } from './open-host';

/** The «Сводка» modal's page. */
export const summaryFrame = (host: HostPage): FrameLocator => host.page.frameLocator('iframe[name="modal"]');

/**
 * Draws the board's header buttons, clicks «Сводка» (or `label`), and waits until the summary
 * has drawn (or said why not). Answers the buttons the header showed.
 */
export async function openSummary(host: HostPage, label = 'Сводка'): Promise<{ frame: FrameLocator; buttons: string[] }> {
  const buttons = await host.page.evaluate(() => window.gkHost.renderBoardButtons());
  await host.page.locator('#board-header').getByRole('button', { name: label }).click();
  const frame = summaryFrame(host);
  await frame.locator('.gk-report, .gk-report-error').first().waitFor();
  return { frame, buttons };
}

/** Overflow that would scroll the page sideways, from inside the modal's page. */
export async function sidewaysOverflow(host: HostPage): Promise<number> {
  const modal = host.page.frame({ name: 'modal' });
  if (!modal) throw new Error('no modal is open');
  return modal.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
