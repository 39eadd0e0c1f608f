import { randomUUID } from 'node:crypto';
import type { TrackedEvent } from './entities/tracked-event.entity';
import { countedViewOf } from './tracked-events.testing';
import { type CountedView, ViewWindows } from './view-window';

const ORGANIZATION_ID = randomUUID();
const VISITOR_ID = randomUUID();
const CARD_ID = randomUUID();

const countedView = () => countedViewOf(ORGANIZATION_ID, VISITOR_ID, CARD_ID);

/** A database read that answers when the test says so, with what was stored when its snapshot was taken. */
function pendingRead(): { read: () => Promise<CountedView[]>; answer: (views: CountedView[]) => void } {
  let answer: (views: CountedView[]) => void = () => undefined;
  const answered = new Promise<CountedView[]>((resolve) => (answer = resolve));
  return { read: () => answered, answer };
}

const nothingStored = () => Promise.resolve([]);

describe('the view window across batches committing at once', () => {
  let windows: ViewWindows;
  beforeEach(() => (windows = new ViewWindows()));

  it("makes a repeat of a view whose read ran while another batch's read of the same visitor was pending", async () => {
    const [first, second] = [windows.openWindow(), windows.openWindow()];
    const [firstRead, secondRead] = [pendingRead(), pendingRead()];
    const [a, b] = [countedView(), countedView()];
    const applied = [first.apply([a], firstRead.read), second.apply([b], secondRead.read)];
    firstRead.answer([]);
    secondRead.answer([]);
    await Promise.all(applied);
    expect([a.verdict, b.verdict]).toEqual(['counted', 'repeat']);
    expect(b.counted).toBe(false);
  });

  it('makes a repeat of a view whose read took its snapshot before the counted view of another batch committed', async () => {
    const [first, second] = [windows.openWindow(), windows.openWindow()];
    const secondRead = pendingRead();
    const [a, b] = [countedView(), countedView()];
    const secondApplied = second.apply([b], secondRead.read);
    await first.apply([a], nothingStored);
    first.close('committed');
    secondRead.answer([]);
    await secondApplied;
    expect([a.verdict, b.verdict]).toEqual(['counted', 'repeat']);
  });

  it('counts a view again once the batch that counted the other failed', async () => {
    const first = windows.openWindow();
    const a = countedView();
    await first.apply([a], nothingStored);
    first.close('failed');
    const b = countedView();
    await windows.openWindow().apply([b], nothingStored);
    expect(b.verdict).toBe('counted');
  });

  it('keeps a committed view only while a window open at its COMMIT has not ended', async () => {
    const [first, second] = [windows.openWindow(), windows.openWindow()];
    await first.apply([countedView()], nothingStored);
    first.close('committed');
    second.close('committed');
    // A window opened now reads after that COMMIT: the database shows the view, nothing here must.
    const later = countedView();
    await windows.openWindow().apply([later], nothingStored);
    expect(later.verdict).toBe('counted');
    expect([...windows.unseen()]).toEqual([later]);
  });

  it('does not make a repeat of its own view when its batch is applied again for a retry', async () => {
    const window = windows.openWindow();
    const view = countedView();
    const click: TrackedEvent = { ...countedView(), type: 'click', verdict: null, visitId: view.id };
    await window.apply([view, click], nothingStored);
    await window.apply([view, click], nothingStored);
    expect([view.verdict, click.counted]).toEqual(['counted', true]);
  });
});
