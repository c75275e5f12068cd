#include <catch2/catch.hpp>

#include <sstream>

#include "stripe/encoding/fields.hpp"
#include "stripe/encoding/model.hpp"

namespace {
struct Status : stripe::OpenEnum<Status> {
  using OpenEnum::OpenEnum;
  static constexpr std::string_view active{"active"};
  static constexpr std::string_view pending{"pending"};
  static constexpr std::string_view known_values[] = {active, pending};
};
struct Thing {
  std::string id;
  Status status;
  std::optional<std::vector<std::string>> due;
  std::map<std::string, Status> caps;
  nlohmann::json raw;
  STRIPE_FIELDS((id)(status)(due)(caps))
};
}  // namespace

TEST_CASE("open enums compare with their named constants and keep unknown values") {
  Status s = Status::active;
  CHECK(s == Status::active);
  CHECK(s != Status::pending);
  CHECK(s == "active");
  CHECK(s.is_known());
  Status unknown{std::string("paused_by_regulator")};
  CHECK_FALSE(unknown.is_known());
  CHECK(unknown.value() == "paused_by_regulator");
}

TEST_CASE("decoding keeps unknown enum values and re-encodes them unchanged") {
  auto j = nlohmann::json::parse(R"({"id":"x","status":"brand_new","caps":{"a":"active","b":"shiny"},"extra":1})");
  auto t = stripe::decode<Thing>(j);
  CHECK(t.status.value() == "brand_new");
  CHECK_FALSE(t.status.is_known());
  CHECK(t.caps.at("a") == Status::active);
  CHECK(t.caps.at("b").value() == "shiny");
  CHECK(t.raw.at("extra") == 1);  // unknown fields stay readable
  auto back = stripe::encode(t);
  CHECK(back.at("status") == "brand_new");
  CHECK(back.at("caps").at("b") == "shiny");
}

TEST_CASE("decoding tells null from empty from missing lists") {
  CHECK_FALSE(stripe::decode<Thing>(nlohmann::json::parse(R"({"due":null})")).due.has_value());
  CHECK_FALSE(stripe::decode<Thing>(nlohmann::json::parse(R"({})")).due.has_value());
  auto empty = stripe::decode<Thing>(nlohmann::json::parse(R"({"due":[]})"));
  REQUIRE(empty.due.has_value());
  CHECK(empty.due->empty());
}

TEST_CASE("decoding a wrong JSON type names the path in a DecodeError") {
  try {
    stripe::decode<Thing>(nlohmann::json::parse(R"({"due":["ok", 5]})"));
    FAIL("expected DecodeError");
  } catch (const stripe::DecodeError& e) {
    CHECK(std::string(e.what()).find("due[1]") != std::string::npos);
    CHECK(std::string(e.what()).find("expected a string") != std::string::npos);
  }
  CHECK_THROWS_AS(stripe::decode<Thing>(nlohmann::json::parse(R"({"status":7})")), stripe::DecodeError);
  CHECK_THROWS_AS(stripe::decode<Thing>(nlohmann::json::parse(R"([1])")), stripe::DecodeError);
}

TEST_CASE("open enums print their wire value, known or not") {
  std::ostringstream out;
  out << Status(Status::active) << '|' << Status(std::string("paused_by_regulator")) << '|' << Status();
  CHECK(out.str() == "active|paused_by_regulator|");
}
