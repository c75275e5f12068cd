#pragma once
// The two ways a list_all walks a list, written once for every generated service: v1 by
// starting_after / ending_before cursors, v2 by following next_page_url verbatim. The path is
// built (and its ids checked) when list_all is called, so a bad id fails there, not mid-walk.
#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "stripe/client.hpp"
#include "stripe/list.hpp"

namespace stripe::detail {

// Every item of a v1 list: pages of `params.limit` (or Stripe's default), forwards after each
// page's last id, or backwards before its first id when ending_before is set (each page is then
// reversed, so that items come in the order the walk moves).
template <class T, class Params>
AutoPager<T> v1_list_all(Client client, std::string path, Params params, RequestOptions ro) {
  const bool backwards = params.ending_before.has_value();
  return AutoPager<T>([client = std::move(client), path = std::move(path), params = std::move(params),
                       ro = std::move(ro), backwards, more = true]() mutable -> std::optional<std::vector<T>> {
    if (!more) return std::nullopt;
    auto page = client.request<List<T>>(http::Method::get, path, encode_params(params), ro);
    std::vector<T> data = std::move(page->data);
    more = page->has_more && !data.empty();
    if (!data.empty()) {
      auto& cursor = backwards ? params.ending_before : params.starting_after;
      const std::string& next = backwards ? data.front().id : data.back().id;
      if (more && cursor == next) throw_pagination_loop("the list returned the same cursor twice");
      cursor = next;
      if (backwards) std::reverse(data.begin(), data.end());
    }
    return data;
  });
}

// Every item of a v2 list: the first page from `path` and `query`, then each next_page_url as
// given, until it is null (V2Cursor refuses loops and endless empty pages).
template <class T>
AutoPager<T> v2_list_all(Client client, std::string path, nlohmann::ordered_json query, RequestOptions ro) {
  return AutoPager<T>([client = std::move(client), path = std::move(path), query = std::move(query),
                       ro = std::move(ro), cursor = V2Cursor()]() mutable -> std::optional<std::vector<T>> {
    if (cursor.finished()) return std::nullopt;
    auto page = cursor.started() ? client.get_path_as<V2List<T>>(cursor.next_url(), ro)
                                 : client.request<V2List<T>>(http::Method::get, path, query, ro);
    cursor.advance(page->next_page_url, page->data.empty());
    return std::move(page->data);  // an empty page is skipped by the pager
  });
}

}  // namespace stripe::detail
