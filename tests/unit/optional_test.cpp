// stripe::Optional, the type of the typed structs' optional nested objects: what code written
// for std::optional does with such a field behaves the same.
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

#include <catch2/catch.hpp>

#include "stripe/connect.hpp"
#include "stripe/encoding/optional.hpp"

namespace {

// Counts live instances, so a missed or doubled destructor shows.
struct Tracked {
  static inline int alive = 0;
  std::string name;
  Tracked() { ++alive; }
  explicit Tracked(std::string n) : name(std::move(n)) { ++alive; }
  Tracked(const Tracked& o) : name(o.name) { ++alive; }
  Tracked(Tracked&& o) noexcept : name(std::move(o.name)) { ++alive; }
  Tracked& operator=(const Tracked&) = default;
  Tracked& operator=(Tracked&&) noexcept = default;
  ~Tracked() { --alive; }
};

}  // namespace

TEST_CASE("stripe::Optional reads and writes as std::optional does", "[optional]") {
  Tracked::alive = 0;
  {
    stripe::Optional<Tracked> a;
    CHECK_FALSE(a.has_value());
    CHECK_FALSE(static_cast<bool>(a));
    CHECK(a == std::nullopt);
    CHECK(std::nullopt == a);
    CHECK(Tracked::alive == 0);
    CHECK_THROWS_AS(a.value(), std::bad_optional_access);
    CHECK(a.value_or(Tracked("fallback")).name == "fallback");

    a = Tracked("first");
    REQUIRE(a.has_value());
    CHECK(a != std::nullopt);
    CHECK(a->name == "first");
    CHECK((*a).name == "first");
    CHECK(a.value().name == "first");
    CHECK(a.value_or(Tracked("fallback")).name == "first");
    CHECK(Tracked::alive == 1);

    Tracked& made = a.emplace("second");
    CHECK(&made == &*a);
    CHECK(a->name == "second");
    CHECK(Tracked::alive == 1);

    stripe::Optional<Tracked> copy = a;  // an independent value
    copy->name = "copy";
    CHECK(a->name == "second");
    CHECK(Tracked::alive == 2);

    stripe::Optional<Tracked> moved = std::move(copy);
    CHECK(moved->name == "copy");

    a = stripe::Optional<Tracked>();  // assigning an empty one empties
    CHECK_FALSE(a.has_value());
    a = moved;
    CHECK(a->name == "copy");
    a = {};  // as with std::optional, `= {}` empties
    CHECK_FALSE(a.has_value());
    moved = std::nullopt;
    CHECK_FALSE(moved.has_value());
    CHECK(Tracked::alive == 0);  // a moved-from Optional is empty: nothing left in `copy`
    CHECK_FALSE(copy.has_value());
  }
  CHECK(Tracked::alive == 0);
}

TEST_CASE("stripe::Optional converts to and from std::optional", "[optional]") {
  std::optional<std::string> some("x");
  stripe::Optional<std::string> from_some = some;
  REQUIRE(from_some.has_value());
  CHECK(*from_some == "x");
  stripe::Optional<std::string> from_none = std::optional<std::string>();
  CHECK_FALSE(from_none.has_value());

  std::optional<std::string> back = from_some;
  CHECK(back == std::optional<std::string>("x"));
  std::optional<std::string> none_back = from_none;
  CHECK_FALSE(none_back.has_value());
  std::optional<std::string> moved_back = std::move(from_some);
  CHECK(moved_back == std::optional<std::string>("x"));
}

TEST_CASE("nested objects of the typed structs are stripe::Optional; enums and scalars stay std::optional",
          "[optional]") {
  using stripe::v1::Account;
  using stripe::v1::AccountCreateParams;
  STATIC_REQUIRE(std::is_same_v<decltype(Account::requirements), stripe::Optional<Account::Requirements>>);
  STATIC_REQUIRE(std::is_same_v<decltype(AccountCreateParams::company), stripe::Optional<AccountCreateParams::Company>>);
  STATIC_REQUIRE(std::is_same_v<decltype(Account::business_type), std::optional<Account::BusinessType>>);
  STATIC_REQUIRE(std::is_same_v<decltype(Account::email), std::optional<std::string>>);

  // Filled in place and encoded as before; an empty nested object is not sent at all.
  AccountCreateParams params;
  params.company.emplace().name = "RocketRides";
  params.company->phone = "+15555550100";
  CHECK(stripe::form_encode(stripe::encode_params(params)) ==
        "company[name]=RocketRides&company[phone]=%2B15555550100");
  params.company.reset();
  CHECK(stripe::form_encode(stripe::encode_params(params)).empty());

  // Decoded: present, null and absent.
  auto present = stripe::decode<Account>(nlohmann::json::parse(
      R"({"id":"acct_1","object":"account","requirements":{"currently_due":["external_account"]}})"));
  REQUIRE(present.requirements.has_value());
  CHECK(present.requirements->currently_due == std::vector<std::string>{"external_account"});
  auto null = stripe::decode<Account>(nlohmann::json::parse(R"({"id":"acct_1","requirements":null})"));
  CHECK(null.requirements == std::nullopt);
  auto absent = stripe::decode<Account>(nlohmann::json::parse(R"({"id":"acct_1"})"));
  CHECK_FALSE(absent.requirements.has_value());
}

namespace {
// A value that holds the next one through a pointer to an Optional of its own type.
struct Node {
  int value = 0;
  std::unique_ptr<stripe::Optional<Node>> next;
};
stripe::Optional<Node> node(int value, stripe::Optional<Node> next = {}) {
  Node n;
  n.value = value;
  if (next) n.next = std::make_unique<stripe::Optional<Node>>(std::move(next));
  return n;
}
}  // namespace

TEST_CASE("stripe::Optional: a value moved or copied from inside itself", "[optional]") {
  // Taking the next node of a list moves from an Optional inside the value it replaces: that
  // value must go only after the move.
  stripe::Optional<Node> list = node(1, node(2, node(3)));
  list = std::move(*list->next);
  REQUIRE(list.has_value());
  CHECK(list->value == 2);
  REQUIRE(list->next);
  CHECK((*list->next)->value == 3);
  // emplace builds the new value before it lets go of the old one, which its arguments may name.
  stripe::Optional<std::string> s = std::string("kept");
  s.emplace(*s + "!");
  CHECK(*s == "kept!");
  list.emplace(std::move(**list->next));
  CHECK(list->value == 3);
  CHECK_FALSE(list->next);
}
