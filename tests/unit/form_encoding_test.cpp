#include <catch2/catch.hpp>

#include "stripe/encoding/form.hpp"

using nlohmann::ordered_json;

TEST_CASE("form_encode writes nested objects with brackets in declaration order") {
  ordered_json p = {{"account", "acct_1"},
                    {"type", "account_onboarding"},
                    {"collection_options", {{"fields", "eventually_due"}, {"future_requirements", "include"}}}};
  CHECK(stripe::form_encode(p) ==
        "account=acct_1&type=account_onboarding&collection_options[fields]=eventually_due"
        "&collection_options[future_requirements]=include");
}

TEST_CASE("form_encode indexes arrays and drops empty ones") {
  ordered_json p = {{"expand", {"requirements", "capabilities"}}, {"empty", ordered_json::array()}};
  CHECK(stripe::form_encode(p) == "expand[0]=requirements&expand[1]=capabilities");
  ordered_json nested = {{"a", {{{"b", 1}}, {{"b", 2}}}}};
  CHECK(stripe::form_encode(nested) == "a[0][b]=1&a[1][b]=2");
}

TEST_CASE("form_encode turns null and empty strings into key= (unset)") {
  ordered_json p = {{"metadata", {{"order", nullptr}, {"note", ""}}}, {"business_profile", {{"url", nullptr}}}};
  CHECK(stripe::form_encode(p) == "metadata[order]=&metadata[note]=&business_profile[url]=");
}

TEST_CASE("form_encode writes booleans, integers and percent-encodes UTF-8") {
  ordered_json p = {{"requested", true},
                    {"off", false},
                    {"date", 1700000000},
                    {"neg", -5},
                    {"name", "Zoë & Co/ä+1 ~x"},
                    {"metadata", {{"key with space", "v"}}}};
  CHECK(stripe::form_encode(p) ==
        "requested=true&off=false&date=1700000000&neg=-5&name=Zo%C3%AB%20%26%20Co%2F%C3%A4%2B1%20~x"
        "&metadata[key%20with%20space]=v");
}

TEST_CASE("form_encode refuses a top-level value that is not an object") {
  CHECK_THROWS_AS(stripe::form_encode(ordered_json::array({1, 2})), stripe::InvalidParamsError);
  CHECK(stripe::form_encode(ordered_json()) == "");
}

TEST_CASE("form_decode is the inverse of form_encode") {
  ordered_json p = {{"account", "acct_1"},
                    {"expand", {"a", "b"}},
                    {"individual", {{"address", {{"line1", "1 Main St"}, {"city", "Zürich"}}}}},
                    {"metadata", {{"k", ""}}}};
  auto back = stripe::form_decode(stripe::form_encode(p));
  CHECK(back == p);
}

TEST_CASE("form_decode reports malformed input with a typed error") {
  CHECK_THROWS_AS(stripe::form_decode("a%zz=1"), stripe::InvalidParamsError);
  CHECK_THROWS_AS(stripe::form_decode("a[b=1"), stripe::InvalidParamsError);
  CHECK_THROWS_AS(stripe::form_decode("a=1&a[b]=2"), stripe::InvalidParamsError);
  CHECK_THROWS_AS(stripe::form_decode("a=1&a=2"), stripe::InvalidParamsError);
}

TEST_CASE("percent_encode keeps only unreserved characters literal") {
  CHECK(stripe::percent_encode("acct_1/../x y") == "acct_1%2F..%2Fx%20y");
  CHECK(stripe::percent_decode("a%20b+c") == "a b c");
}
