#pragma once
// v2 list paging: `limit` (1 to 100, default 10) and an opaque `page` token; the answer's
// next_page_url and previous_page_url repeat the request's other params, so a client follows
// them as they are.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>

#include "stripe/encoding/form.hpp"
#include "stripe/testing/sim/http.hpp"

namespace stripe::testing::sim {

struct V2Page {
  std::size_t offset = 0, limit = 10;
  json query = json::object();  // the params besides page, for the page URLs
};

inline std::string v2_page_token(std::size_t offset) { return "page_" + std::to_string(offset); }

// Takes `page` out of the params (the typed params do not name it); a token this simulator did
// not hand out is refused. Read `limit` only after the params were checked.
inline std::optional<http::Response> take_v2_page_token(State& s, json& p, V2Page& page) {
  if (!p.contains("page")) return std::nullopt;
  const std::string token = param(p, "page");
  p.erase("page");
  const std::string digits = token.rfind("page_", 0) == 0 ? token.substr(5) : "";
  if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos)
    return refuse(s, 400, "Invalid page token.", "page", "parameter_invalid_string");
  page.offset = static_cast<std::size_t>(std::stoul(digits));
  return std::nullopt;
}

inline void read_v2_limit(const json& p, V2Page& page) {
  const std::string limit = param(p, "limit", "10");
  page.limit = static_cast<std::size_t>(std::clamp<long long>(std::stoll(limit), 1, 100));
  page.query = p;
}

// The list answer for `total` items of which `data` is the page's.
inline json v2_page_body(const std::string& path, const V2Page& page, std::size_t total, json data) {
  auto url = [&](std::size_t offset) {
    std::string query = form_encode(page.query);
    return path + "?" + (query.empty() ? "" : query + "&") + "page=" + v2_page_token(offset);
  };
  json next = page.offset + page.limit < total ? json(url(page.offset + page.limit)) : json(nullptr);
  json previous = page.offset > 0 ? json(url(page.offset > page.limit ? page.offset - page.limit : 0)) : json(nullptr);
  return {{"data", std::move(data)}, {"next_page_url", next}, {"previous_page_url", previous}};
}

}  // namespace stripe::testing::sim
