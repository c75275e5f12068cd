#pragma once
// List pages and lazy auto-pagination: memory holds one page at a time.
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "stripe/encoding/fields.hpp"
#include "stripe/encoding/model.hpp"
#include "stripe/errors.hpp"

namespace stripe {

namespace detail {
// A server whose pages never end (a cursor that does not move, a next_page_url already followed,
// empty pages without end) would keep an iterator busy forever: refuse it with a typed error.
[[noreturn]] inline void throw_pagination_loop(const std::string& why) {
  throw ApiError(message_only("pagination stopped: " + why));
}
inline constexpr std::size_t max_empty_pages_in_a_row = 100;

// Where a v2 list stands: follows next_page_url verbatim, never the same URL twice.
class V2Cursor {
 public:
  bool started() const { return started_; }
  bool finished() const { return started_ && !next_; }
  const std::string& next_url() const { return *next_; }

  void advance(const std::optional<std::string>& next_page_url, bool page_was_empty) {
    started_ = true;
    next_.reset();
    if (!next_page_url || next_page_url->empty()) return;
    empty_in_a_row_ = page_was_empty ? empty_in_a_row_ + 1 : 0;
    if (empty_in_a_row_ >= max_empty_pages_in_a_row)
      throw_pagination_loop(std::to_string(empty_in_a_row_) + " empty pages in a row still point onward");
    if (!followed_.insert(*next_page_url).second)
      throw_pagination_loop("next_page_url points at a page already followed");
    next_ = next_page_url;
  }

 private:
  bool started_ = false;
  std::optional<std::string> next_;
  std::set<std::string> followed_;
  std::size_t empty_in_a_row_ = 0;
};
}  // namespace detail

/// A v1 list object.
template <class T>
struct List {
  std::vector<T> data;  ///< the items of this page
  bool has_more = false;  ///< true when more items follow; fetch them with starting_after
  std::string url;  ///< the list endpoint, e.g. /v1/accounts
  RawJson raw;  ///< the whole response body, for fields the model does not know (parsed on first use)

  /// Visits the fields for decoding (see encoding/model.hpp).
  STRIPE_FIELDS((data)(has_more)(url))
};

/// A v2 list page: follow next_page_url verbatim until it is null.
template <class T>
struct V2List {
  std::vector<T> data;  ///< the items of this page
  std::optional<std::string> next_page_url;  ///< path of the next page; null on the last page
  std::optional<std::string> previous_page_url;  ///< path of the previous page; null on the first page
  RawJson raw;  ///< the whole response body, for fields the model does not know (parsed on first use)

  /// Visits the fields for decoding (see encoding/model.hpp).
  STRIPE_FIELDS((data)(next_page_url)(previous_page_url))
};

/// An input range over every item of a paginated list. Each page is fetched when the previous
/// one is used up; empty pages are skipped; memory holds one page.
///
/// Move-only: a pager is one cursor. A moved-from pager is empty (begin() == end()).
/// Iteration sends requests, so begin() and `++it` can throw any stripe::Error part-way through.
/// The cursor stays where it was: incrementing the iterator again retries the page that failed.
/// The pager keeps its client's state alive. Not thread-safe: one thread at a time.
template <class T>
class AutoPager {
 public:
  /// Returns the next page, or nullopt at the end.
  using Fetch = std::function<std::optional<std::vector<T>>()>;

 private:
  struct State {
    explicit State(Fetch f) : fetch(std::move(f)) {}
    Fetch fetch;
    std::vector<T> page;
    std::size_t pos = 0;
    std::size_t pages = 0;
    bool finished = false;
    bool started = false;

    void fill() {
      if (started && pos < page.size()) return;
      started = true;
      while (!finished && pos >= page.size()) {
        std::vector<T>().swap(page);  // the used-up page goes before the next one arrives
        std::optional<std::vector<T>> next = fetch();  // a throw leaves the cursor where it was
        if (!next) {
          finished = true;
          break;
        }
        ++pages;
        page = std::move(*next);
        pos = 0;
      }
    }
  };

 public:
  /// Wraps a page fetcher; nothing is fetched until begin().
  explicit AutoPager(Fetch fetch) : state_(std::make_unique<State>(std::move(fetch))) {}
  /// Takes over the cursor; the source becomes empty.
  AutoPager(AutoPager&&) noexcept = default;
  /// Takes over the cursor; the source becomes empty.
  AutoPager& operator=(AutoPager&&) noexcept = default;
  AutoPager(const AutoPager&) = delete;
  AutoPager& operator=(const AutoPager&) = delete;

  /// Input iterator over the items; copies share the one cursor of the pager.
  class iterator {
   public:
    /// Item type.
    using value_type = T;
    /// Items are read-only.
    using reference = const T&;
    /// Items are read-only.
    using pointer = const T*;
    /// Standard iterator difference type.
    using difference_type = std::ptrdiff_t;
    /// Single pass: each item is seen once.
    using iterator_category = std::input_iterator_tag;

    iterator() = default;
    /// Positions at the first item, fetching pages as needed; may throw.
    explicit iterator(State* s) : state_(s) {
      if (state_) state_->fill();
    }
    /// The current item.
    reference operator*() const { return state_->page[state_->pos]; }
    /// Member access on the current item.
    pointer operator->() const { return &state_->page[state_->pos]; }
    /// Moves to the next item, fetching the next page when needed; may throw.
    iterator& operator++() {
      ++state_->pos;
      state_->fill();
      return *this;
    }
    /// Same as prefix ++; returns nothing, as for any input iterator.
    void operator++(int) { ++*this; }
    /// Equal when both are at the end or both are not.
    friend bool operator==(const iterator& a, const iterator& b) { return a.done() == b.done(); }
    /// Negation of ==.
    friend bool operator!=(const iterator& a, const iterator& b) { return !(a == b); }

   private:
    bool done() const { return !state_ || state_->finished; }
    State* state_ = nullptr;
  };

  /// Starts iteration, fetching the first page; may throw.
  iterator begin() { return iterator(state_.get()); }
  /// The end sentinel; fetches nothing.
  iterator end() { return iterator(); }

  /// Pages fetched so far, for tests and progress reporting.
  std::size_t pages_fetched() const { return state_ ? state_->pages : 0; }

 private:
  std::unique_ptr<State> state_;
};

}  // namespace stripe
