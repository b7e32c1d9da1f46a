// Shared by every test project: no test may reach the network, and time zones are explicit.
process.env.NODE_ENV = "test";
process.env.LOG_LEVEL ??= "silent";
// REDIS_URL names a Redis server for the tests that are about Redis (they run only when it is
// set; CI sets it). The code under test never picks it up by itself: shared rate-limit counts
// across test files and runs would make limits trip by chance.
process.env.TEST_REDIS_URL ??= process.env.REDIS_URL ?? "";
delete process.env.REDIS_URL;
