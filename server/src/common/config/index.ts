export { AppConfig, ConfigError, loadAppConfig, type DatabaseConfig, type LogLevel } from './app-config';
export { ConfigModule } from './config.module';
