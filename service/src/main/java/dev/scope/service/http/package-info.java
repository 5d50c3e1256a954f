/** Small pieces every component's HTTP server shares: operational routes, plain answers, waiting on futures. */
package dev.scope.service.http;
