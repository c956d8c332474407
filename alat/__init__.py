"""Tools around the app (not imported by it): a real server + Chromium for tests, screenshots, benchmarks."""
