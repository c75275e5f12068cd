#include <catch2/catch.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "stripe/encoding/fields.hpp"
#include "stripe/encoding/model.hpp"
#include "stripe/encoding/text_decode.hpp"

namespace {
struct Inner {
  std::optional<std::string> label;
  STRIPE_FIELDS((label))
};
struct Outer {
  std::string id;
  std::int64_t count = 0;
  std::optional<Inner> inner;
  std::vector<std::string> tags;
  nlohmann::json raw;
  STRIPE_FIELDS((id)(count)(inner)(tags))
};
// A long list: 40 members, each visited in its place.
#define STRIPE_TEST_LONG_MEMBERS(X) \
  X(m00) X(m01) X(m02) X(m03) X(m04) X(m05) X(m06) X(m07) X(m08) X(m09) \
  X(m10) X(m11) X(m12) X(m13) X(m14) X(m15) X(m16) X(m17) X(m18) X(m19) \
  X(m20) X(m21) X(m22) X(m23) X(m24) X(m25) X(m26) X(m27) X(m28) X(m29) \
  X(m30) X(m31) X(m32) X(m33) X(m34) X(m35) X(m36) X(m37) X(m38) X(m39)
#define STRIPE_TEST_DECLARE(name) std::int64_t name = 0;
#define STRIPE_TEST_SEQUENCE(name) (name)
struct Long {
  STRIPE_TEST_LONG_MEMBERS(STRIPE_TEST_DECLARE)
  STRIPE_FIELDS(STRIPE_TEST_LONG_MEMBERS(STRIPE_TEST_SEQUENCE))
};

struct NameCollector {
  std::vector<std::string> names;
  template <class F>
  void operator()(const char* name, F&) { names.emplace_back(name); }
};
}  // namespace

TEST_CASE("STRIPE_FIELDS visits each member once, in order, under its own name") {
  Outer outer;
  NameCollector collect;
  Outer::describe(outer, collect);
  CHECK(collect.names == std::vector<std::string>{"id", "count", "inner", "tags"});

  Long long_list;
  NameCollector collect_long;
  Long::describe(long_list, collect_long);
  REQUIRE(collect_long.names.size() == 40);
  CHECK(collect_long.names.front() == "m00");
  CHECK(collect_long.names[17] == "m17");
  CHECK(collect_long.names.back() == "m39");
}

TEST_CASE("a STRIPE_FIELDS model encodes and decodes both ways by its member names") {
  const std::string text = R"({"id":"acct_1","count":3,"inner":{"label":"x"},"tags":["a","b"],"extra":true})";
  const auto from_document = stripe::decode<Outer>(nlohmann::json::parse(text));
  const auto from_text = stripe::decode_text<Outer>(text);
  for (const Outer* o : {&from_document, &from_text}) {
    CHECK(o->id == "acct_1");
    CHECK(o->count == 3);
    REQUIRE(o->inner);
    CHECK(o->inner->label == "x");
    CHECK(o->tags == std::vector<std::string>{"a", "b"});
  }
  const auto encoded = stripe::encode(from_text);
  CHECK(encoded == nlohmann::json::parse(R"({"id":"acct_1","count":3,"inner":{"label":"x"},"tags":["a","b"]})"));

  Long long_list;
  long_list.m39 = 39;
  long_list.m00 = 1;
  const auto long_json = stripe::encode(long_list);
  CHECK(long_json.size() == 40);
  CHECK(long_json.at("m39") == 39);
  CHECK(long_json.at("m00") == 1);
  CHECK(long_json.at("m17") == 0);
  CHECK(stripe::decode<Long>(long_json).m39 == 39);
}
