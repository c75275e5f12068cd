#pragma once
// Header lines between Headers and libcurl, for CurlTransport: the request list each pooled
// handle keeps, and response lines read into Headers.
#include <new>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

#include <curl/curl.h>

#include "stripe/http/transport.hpp"

namespace stripe::http::detail {

// Optional whitespace around a header value (RFC 9110 OWS: SP and HTAB).
inline std::string_view trim_ows(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
  return v;
}

/// The request header lines one easy handle sends, kept from one request to the next. A client
/// sends the same leading headers on every request (user agents, Accept, Authorization,
/// Stripe-Version), so assign() keeps the lines that still match and rebuilds only from the
/// first difference on (for a POST, often just its Idempotency-Key). The list starts with
/// "Expect:" (no 100-continue round trip; a header without a value only removes libcurl's own),
/// so its head never changes: CURLOPT_HTTPHEADER is set once per handle.
class CurlHeaderList {
 public:
  CurlHeaderList() : head_(curl_slist_append(nullptr, "Expect:")) {
    if (!head_) throw std::bad_alloc();
  }
  ~CurlHeaderList() { curl_slist_free_all(head_); }
  CurlHeaderList(const CurlHeaderList&) = delete;
  CurlHeaderList& operator=(const CurlHeaderList&) = delete;

  /// The list to give libcurl; the same pointer for the list's whole life.
  curl_slist* get() const { return head_; }

  /// Makes the list "Expect:" followed by `headers` as "Name: value" lines, in order. On
  /// bad_alloc the list is still well formed (it may hold fewer lines): drop the handle.
  void assign(const Headers& headers) {
    curl_slist* last = head_;  // the last line kept
    auto it = headers.entries.begin();
    while (it != headers.entries.end() && last->next && same_line(last->next->data, it->first, it->second)) {
      last = last->next;
      ++it;
    }
    curl_slist_free_all(last->next);
    last->next = nullptr;
    for (; it != headers.entries.end(); ++it) {
      line_.assign(it->first).append(": ").append(it->second);
      if (!curl_slist_append(last, line_.c_str())) throw std::bad_alloc();  // copies the line, links it after `last`
      last = last->next;
    }
  }

 private:
  // Whether `line` is exactly "name: value".
  static bool same_line(const char* line, std::string_view name, std::string_view value) {
    std::string_view rest(line);
    if (rest.size() != name.size() + 2 + value.size()) return false;
    return rest.substr(0, name.size()) == name && rest.substr(name.size(), 2) == ": " &&
           rest.substr(name.size() + 2) == value;
  }

  curl_slist* head_;
  std::string line_;  // reused for each line rebuilt
};

// Reads one header line as libcurl hands it over (CRLF included) into `headers`. A status line
// starts a new header set (after a 1xx, the final response's headers replace the interim ones);
// the blank line that ends the headers, and anything without a colon, adds nothing.
inline void read_header_line(std::string_view line, Headers& headers) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  if (line.substr(0, 5) == "HTTP/") {
    headers.entries.clear();
    return;
  }
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return;
  const std::string_view name = line.substr(0, colon), value = trim_ows(line.substr(colon + 1));
  if (headers.entries.capacity() == 0) headers.entries.reserve(16);  // a Stripe response carries about as many
  // Name and value are built in place, straight from libcurl's buffer.
  headers.entries.emplace_back(std::piecewise_construct, std::forward_as_tuple(name.data(), name.size()),
                               std::forward_as_tuple(value.data(), value.size()));
}

}  // namespace stripe::http::detail
