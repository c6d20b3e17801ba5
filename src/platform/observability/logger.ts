import pino, { DestinationStream, Logger } from 'pino';
import pretty from 'pino-pretty';
import { AppConfig } from '../config/config';
import { loggedError, redactTaxpayerNumbers } from './log-safety';
import { currentRequest } from './request-observation';

/**
 * Belt and braces: the hub never logs headers, bodies or variables, but should an object carrying
 * them reach a log call, these keys are censored.
 */
const REDACTED_PATHS = [
  'authorization',
  'headers.authorization',
  'headers.cookie',
  'req.headers',
  'token',
  'tin',
  'tins',
  'variables',
  'body',
  'query',
  'parameters',
  '*.authorization',
  '*.token',
  '*.tin',
  '*.tins',
  '*.variables',
  '*.body',
  '*.parameters',
];

/** The hub's one logger: JSON lines (or pino-pretty in development) to `destination` (stdout by default); each line written while serving a request carries its id. */
export function createLogger(logging: AppConfig['logging'], destination?: DestinationStream): Logger {
  const stream =
    logging.format === 'pretty'
      ? pretty({ sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname', destination })
      : destination;
  return pino(
    {
      level: logging.level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const request = currentRequest();
        return request ? { requestId: request.requestId } : {};
      },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: { err: loggedError },
    },
    stream,
  );
}

/** The `log(message)` the hub's components take, as info lines of `logger` (numbers shaped like TINs removed). */
export function messageLog(logger: Logger): (message: string) => void {
  return (message) => logger.info(redactTaxpayerNumbers(message));
}
