import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * The one way to open a transaction. SQLite has a single connection, on which TypeORM would turn a second
 * concurrent transaction into a savepoint of the first (committed or rolled back with it), so there they run one
 * after another; MySQL gives each its own pooled connection.
 */
@Injectable()
export class Transactions {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.parallel) return this.dataSource.transaction(work);
    return this.afterTail(() => this.dataSource.transaction(work));
  }

  /**
   * Work that is a single statement, atomic by itself, so it needs no transaction of its own (one round trip
   * instead of three). On SQLite it still waits its turn, or it would run inside whichever transaction is open.
   */
  statement<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.parallel) return work(this.dataSource.manager);
    return this.afterTail(() => work(this.dataSource.manager));
  }

  /** Whether statements run side by side (MySQL's pool) or one after another (SQLite's one connection). */
  get parallel(): boolean {
    return this.dataSource.options.type !== 'better-sqlite3';
  }

  private afterTail<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
