// Package browsertest starts headless Chromium for the tests that load
// eventgraph's pages (the offline report, the explorer, the exports and
// the XSS corpus) and collects what must not happen on them.
//
// # Starting
//
// [MustStart] finds Chromium ([Chromium]) and starts it with a fresh
// profile, no GPU and the network cut off: every proxied request goes to a
// dead port, so a page that tried to load anything from outside fails
// visibly instead of depending on the machine's connection. Loopback is
// reached directly unless the caller adds [NoLoopback], as tests of
// file:// pages do. Where Chromium is missing the test is skipped, or
// fails when the CI variable is set, since CI must run these tests.
//
// # Problems
//
// [MustListen] records console errors and warnings, uncaught exceptions,
// browser log errors, failed requests, requests to anything the caller
// does not count as local, and JavaScript dialogs (which it dismisses, so
// a page that opens one does not hang the test). Tests report each
// [Problem] they [Problems.Take].
//
// [Find] and [Options] serve programs too, such as bench/pageload, that
// measure pages in the same browser the tests use.
package browsertest
