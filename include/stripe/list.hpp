#pragma once
// List pages and lazy auto-pagination: memory holds one page at a time.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "stripe/encoding/model.hpp"

namespace stripe {

// A v1 list object.
template <class T>
struct List {
  std::vector<T> data;
  bool has_more = false;
  std::string url;
  nlohmann::json raw;

  template <class Self, class V>
  static void describe(Self& self, V& v) {
    v("data", self.data);
    v("has_more", self.has_more);
    v("url", self.url);
  }
};

// A v2 list page: follow next_page_url verbatim until it is null.
template <class T>
struct V2List {
  std::vector<T> data;
  std::optional<std::string> next_page_url;
  std::optional<std::string> previous_page_url;
  nlohmann::json raw;

  template <class Self, class V>
  static void describe(Self& self, V& v) {
    v("data", self.data);
    v("next_page_url", self.next_page_url);
    v("previous_page_url", self.previous_page_url);
  }
};

// An input range over every item of a paginated list. Each page is fetched when the previous
// one is used up; empty pages are skipped. `fetch` returns the next page, or nullopt at the end.
template <class T>
class AutoPager {
 public:
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
        auto next = fetch();
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
  explicit AutoPager(Fetch fetch) : state_(std::make_shared<State>(std::move(fetch))) {}

  class iterator {
   public:
    using value_type = T;
    using reference = const T&;
    using pointer = const T*;
    using difference_type = std::ptrdiff_t;
    using iterator_category = std::input_iterator_tag;

    iterator() = default;
    explicit iterator(std::shared_ptr<typename AutoPager::State> s) : state_(std::move(s)) { state_->fill(); }
    reference operator*() const { return state_->page[state_->pos]; }
    pointer operator->() const { return &state_->page[state_->pos]; }
    iterator& operator++() {
      ++state_->pos;
      state_->fill();
      return *this;
    }
    void operator++(int) { ++*this; }
    friend bool operator==(const iterator& a, const iterator& b) { return a.done() == b.done(); }
    friend bool operator!=(const iterator& a, const iterator& b) { return !(a == b); }

   private:
    bool done() const { return !state_ || state_->finished; }
    std::shared_ptr<typename AutoPager::State> state_;
  };

  iterator begin() { return iterator(state_); }
  iterator end() { return iterator(); }

  // Pages fetched so far, for tests and progress reporting.
  std::size_t pages_fetched() const { return state_->pages; }

 private:
  std::shared_ptr<State> state_;
};

}  // namespace stripe
