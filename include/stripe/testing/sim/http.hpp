#pragma once
// The HTTP side: answers in Stripe's shapes (JSON body, Request-Id, Stripe-Version; errors with
// type, code, param and doc_url) and paths as production sees them.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "stripe/encoding/form.hpp"
#include "stripe/testing/param_schema.hpp"
#include "stripe/testing/sim/state.hpp"
#include "stripe/version.hpp"

namespace stripe::testing::sim {

inline http::Response reply(State& s, int status, const json& body) {
  http::Response r;
  r.status = status;
  // Never fails: text that is not UTF-8 (an unknown id echoed from the path) becomes U+FFFD.
  r.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
  r.headers.add("Content-Type", "application/json");
  r.headers.add("Request-Id", "req_sim_" + std::to_string(++s.request_counter));
  r.headers.add("Stripe-Version", stripe::pinned_api_version);
  return r;
}

inline http::Response error(State& s, int status, const std::string& type, const std::string& message,
                            const std::string& param = "", const std::string& code = "") {
  json e = {{"type", type}, {"message", message}};
  if (!param.empty()) e["param"] = param;
  if (!code.empty()) {
    e["code"] = code;
    e["doc_url"] = "https://docs.stripe.com/error-codes/" + code;
  }
  return reply(s, status, {{"error", e}});
}

inline http::Response missing(State& s, const std::string& what, const std::string& id) {
  return error(s, 404, "invalid_request_error", "No such " + what + ": '" + id + "'", "id", "resource_missing");
}

// A request refused before its endpoint ran (parameters failed validation, no such URL): no
// idempotent result is saved for it.
inline http::Response refuse(State& s, int status, const std::string& message, const std::string& param = "",
                             const std::string& code = "") {
  s.refused = true;
  return error(s, status, "invalid_request_error", message, param, code);
}
inline http::Response bad(State& s, const ParamProblem& p) { return refuse(s, 400, p.message, p.param, p.code); }
inline http::Response not_utf8(State& s, const std::string& param) {
  return refuse(s, 400, "Invalid string: " + param + " must be valid UTF-8.", param, "parameter_invalid_string");
}

// RFC 3986 5.2.4 remove_dot_segments, after decoding %2E (unreserved, so the same URL): libcurl
// and HTTP front ends send "/v1/accounts/." on as "/v1/accounts/".
inline std::string remove_dot_segments(std::string in) {
  for (std::size_t pos = in.find('%'); pos != std::string::npos; pos = in.find('%', pos + 1))
    if (pos + 2 < in.size() && in[pos + 1] == '2' && (in[pos + 2] == 'e' || in[pos + 2] == 'E')) in.replace(pos, 3, ".");
  auto starts = [](std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; };
  auto drop_last_segment = [](std::string& out) {
    auto last = out.rfind('/');
    out.erase(last == std::string::npos ? 0 : last);
  };
  std::string out;
  std::string_view input = in;
  while (!input.empty()) {
    if (starts(input, "../")) {
      input.remove_prefix(3);
    } else if (starts(input, "./") || starts(input, "/./")) {
      input.remove_prefix(2);
    } else if (input == "/.") {
      input = "/";
    } else if (starts(input, "/../") || input == "/..") {
      input = input.size() == 3 ? std::string_view("/") : input.substr(3);
      drop_last_segment(out);
    } else if (input == "." || input == "..") {
      input = {};
    } else {
      std::size_t next = std::min(input.find('/', 1), input.size());
      out.append(input.substr(0, next));
      input.remove_prefix(next);
    }
  }
  return out;
}

inline std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> out;
  std::size_t start = 1;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    out.push_back(percent_decode(path.substr(start, end - start)));
    start = end + 1;
  }
  return out;
}

}  // namespace stripe::testing::sim
