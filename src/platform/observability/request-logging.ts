import { IncomingMessage, ServerResponse } from 'node:http';
import { Request, RequestHandler, Response } from 'express';
import { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { HubMetrics } from './metrics';
import { observeRequest, RequestObservation } from './request-observation';

/** Kubernetes-style probes succeed every few seconds: their lines are debug, not info. */
const PROBES = new Set(['/healthz', '/readyz']);

const pathOf = (req: IncomingMessage): string => (req.url ?? '').split('?')[0];
const observationOf = (res: ServerResponse): RequestObservation => (res as Response).locals.observation;

/** Starts the request's observation (after the request id is set) and hands it to the metrics when the response is done. */
function observation(metrics: HubMetrics): RequestHandler {
  return (_req: Request, res: Response, next) => {
    const observed: RequestObservation = { requestId: String(res.locals.requestId), errorCodes: [] };
    res.locals.observation = observed;
    const started = process.hrtime.bigint();
    // Only requests that reached GraphQL have an operation label; other routes are logged, not timed here.
    res.once('close', () => {
      const { operation } = observed;
      if (operation) metrics.requestFinished({ ...observed, operation }, Number(process.hrtime.bigint() - started) / 1e9);
    });
    observeRequest(observed, next);
  };
}

/**
 * One line per request when its response is done: method, path (never the query string: a GET
 * operation carries its variables there), status, request id, operation, caller id, error codes and
 * duration. Never headers, bodies or variables.
 */
function requestLog(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (_req, res) => observationOf(res).requestId,
    wrapSerializers: false,
    serializers: {
      req: (req: IncomingMessage) => ({ method: req.method, path: pathOf(req) }),
      res: (res: ServerResponse) => ({ status: res.statusCode }),
    },
    customAttributeKeys: { responseTime: 'durationMs' },
    customLogLevel: (req, res, error) => {
      const { errorCodes } = observationOf(res);
      if (error || res.statusCode >= 500 || errorCodes.includes('INTERNAL_SERVER_ERROR')) return 'error';
      if (errorCodes.length || res.statusCode >= 400) return 'warn';
      return PROBES.has(pathOf(req)) ? 'debug' : 'info';
    },
    customSuccessMessage: () => 'request completed',
    customErrorMessage: () => 'request failed',
    customSuccessObject: (_req, res, fields) => ({ ...fields, ...observationOf(res) }),
    // The cause of a failure has its own line (the error mapper's); pino-http's stand-in error says nothing more.
    customErrorObject: (_req, res, _error, { err: _standIn, ...fields }) => ({ ...fields, ...observationOf(res) }),
  });
}

/** Express middleware for every route, mounted right after the request id is chosen. */
export function requestMiddleware(logger: Logger, metrics: HubMetrics): RequestHandler[] {
  return [observation(metrics), requestLog(logger)];
}
