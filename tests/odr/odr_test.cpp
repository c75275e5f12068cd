// One program, two translation units: one built against the core target only, one against
// stripe_connect::curl. Both must get the same default transport (libcurl), because no inline
// function's body depends on what a translation unit links.
#include <catch2/catch.hpp>

#include <string>

#include "support/wire_recorder.hpp"

std::string retrieve_from_core_tu(const std::string& base_url);
std::string retrieve_from_curl_tu(const std::string& base_url);

namespace {
std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) ++n;
  return n;
}
}  // namespace

TEST_CASE("a core-only translation unit and a curl one share the default transport") {
  test_support::WireRecorder server;
  CHECK(retrieve_from_core_tu(server.base_url()) == "acct_1");
  CHECK(retrieve_from_curl_tu(server.base_url()) == "acct_1");
  const std::string wire = server.bytes();
  CHECK(count(wire, "GET /v1/accounts/acct_1 HTTP/1.1") == 2);
  CHECK(count(wire, R"(\"httplib\":\"curl\")") + count(wire, R"("httplib":"curl")") == 2);
}
