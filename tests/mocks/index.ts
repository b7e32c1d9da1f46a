import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";
import { clerkHandlers, resetClerkMock } from "./clerk";
import { googleHandlers, resetGoogleMock } from "./google";
import { openAiHandlers, resetOpenAiMock } from "./openai";

/**
 * Every outside service the server talks to, as msw handlers (one file per service).
 * A request no handler answers is an error and fails the test that made it: tests
 * never reach the network.
 */
export const handlers = [...clerkHandlers, ...googleHandlers, ...openAiHandlers];

export const mockServer = setupServer(...handlers);

/** Requests that reached no handler during the current test (each one also fails the test). */
export const unhandledRequests: string[] = [];

/** Call once at the top of a test file: starts the mock server, resets it after each test. */
export function setupMockServer(): void {
  beforeAll(() =>
    mockServer.listen({
      onUnhandledRequest(request, print) {
        unhandledRequests.push(`${request.method} ${request.url}`);
        print.error();
      },
    }),
  );
  afterEach(() => {
    mockServer.resetHandlers();
    resetClerkMock();
    resetGoogleMock();
    resetOpenAiMock();
    // Code under test may swallow the failed fetch; the request itself is still a failure.
    const leaked = unhandledRequests.splice(0);
    if (leaked.length) throw new Error(`Unhandled outside requests (add an msw handler in tests/mocks/): ${leaked.join(", ")}`);
  });
  afterAll(() => mockServer.close());
}
