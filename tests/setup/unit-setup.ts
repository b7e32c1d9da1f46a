// Shared by every test project: no test may reach the network, and time zones are explicit.
process.env.NODE_ENV = "test";
process.env.LOG_LEVEL ??= "silent";
