import { describeGoal, goalFraction, goalReached } from './task-rules';

describe('goals', () => {
  it.each([
    [{ shares: 2, views: 10 }, { shares: 2, views: 10 }, true],
    [{ shares: 3, views: 0 }, { shares: 2, views: 0 }, true],
    [{ shares: 1, views: 50 }, { shares: 2, views: 10 }, false],
    [{ shares: 5, views: 9 }, { shares: 0, views: 10 }, false],
  ])('%j against %j is done: %s', (progress, goal, done) => {
    expect(goalReached(progress, goal)).toBe(done);
  });

  it.each([
    [0, 0, 1],
    [3, 0, 1],
    [1, 4, 0.25],
    [9, 4, 1],
  ])('%d of %d fills %d of the bar', (done, goal, fraction) => {
    expect(goalFraction(done, goal)).toBe(fraction);
  });
});

describe('describeGoal', () => {
  it.each([
    [{ shares: 3, views: 20 }, '分享 3 次 · 浏览 20 次'],
    [{ shares: 0, views: 100 }, '浏览 100 次'],
    [{ shares: 1, views: 0 }, '分享 1 次'],
  ])('%j reads %s', (goal, text) => {
    expect(describeGoal(goal)).toBe(text);
  });
});
