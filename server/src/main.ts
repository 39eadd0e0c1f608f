import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadAppConfig } from './common/config';
import { createApp } from './create-app';

async function main(): Promise<void> {
  const config = loadAppConfig();
  const app = await createApp(config);
  await app.listen({ port: config.port, host: '0.0.0.0' });
  new Logger('Main').log(
    `cardhub listening on ${config.publicUrl} (port ${config.port}, ${config.database.type}` +
      `${config.demoMode ? ', demo mode' : ''}); API docs at ${config.publicUrl}/docs`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`cardhub cannot start: ${error.message}\n`);
  } else {
    process.stderr.write(
      `cardhub failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
