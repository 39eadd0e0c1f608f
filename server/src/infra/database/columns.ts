import { Column, ColumnOptions, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * Column shapes that mean the same on MySQL and SQLite. Times keep milliseconds (datetime(3)) so event
 * order and the 30-minute dedupe window survive the round trip; they are stored in UTC.
 */
export const TimestampColumn = (options: ColumnOptions = {}) =>
  Column({ type: 'datetime', precision: 3, ...options });

/** Precision left to TypeORM (6 on MySQL): MySQL refuses a datetime(3) whose default is CURRENT_TIMESTAMP(6). */
export const CreatedAtColumn = () => CreateDateColumn({ type: 'datetime' });
export const UpdatedAtColumn = () => UpdateDateColumn({ type: 'datetime' });

/** Ids that appear in URLs are random UUIDs: not guessable, not enumerable. */
export const UuidPrimaryColumn = () => PrimaryGeneratedColumn('uuid');

/** A foreign id held as a plain column: entities reference each other by id, services join explicitly. */
export const UuidColumn = (options: ColumnOptions = {}) =>
  Column({ type: 'varchar', length: 36, ...options });

export const TextColumn = (length: number, options: ColumnOptions = {}) =>
  Column({ type: 'varchar', length, default: '', ...options });

/** Small JSON documents (settings, tags, event properties); `simple-json` is text on both databases. */
export const JsonColumn = (options: ColumnOptions = {}) => Column({ type: 'simple-json', ...options });
