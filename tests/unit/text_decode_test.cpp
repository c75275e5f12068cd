// Decoding straight from the response bytes (stripe::decode_text, what typed calls use): the
// same values as decoding a parsed document, the same refusals, and raw JSON parsed on demand.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "stripe/connect.hpp"
#include "support/decode_both_ways.hpp"
#include "support/fixtures.hpp"

namespace v1 = stripe::v1;
namespace v2 = stripe::v2::core;
using test_support::decode_via_document;
using test_support::decode_via_text;
using test_support::decoders_agree;

namespace {

std::string bench_account() { return test_support::read_file(std::string(STRIPE_CONNECT_TEST_DATA) + "/../../bench/data/account_5kb.json"); }

template <class T>
void check_fixture(const std::string& name) {
  INFO(name);
  const std::string text = test_support::fixture_text(name);
  auto via_text = decode_via_text<T>(text);
  REQUIRE(via_text.has_value());
  CHECK(via_text == decode_via_document<T>(text));
  CHECK(via_text->raw == nlohmann::json::parse(text));
}

// check_fixture<T[i]>(names[i]) for each i.
template <class... T, std::size_t N>
void check_each(const char* const (&names)[N]) {
  static_assert(sizeof...(T) == N, "one type per fixture");
  std::size_t i = 0;
  (check_fixture<T>(names[i++]), ...);
}

std::string error_of(const std::string& text) {
  try {
    (void)stripe::decode_text<v1::Account>(text);
  } catch (const stripe::DecodeError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("text decode: every fixture decodes to the same value as through a parsed document") {
  check_each<v1::Account, v1::Account, v1::Account, v1::Account, v1::Account, v1::AccountSession, v1::BankAccount>(
      {"v1_account_custom.json", "v1_account_express.json", "v1_account_rejected.json", "v1_plan_company.json",
       "v1_plan_past_due.json", "v1_account_session.json", "v1_bank_account.json"});
  check_each<stripe::List<v1::Capability>, v1::CountrySpec, v1::DeletedExternalAccount, v1::DeletedPerson, v1::File,
             v1::FileLink, v1::LoginLink, v1::Person, v1::Token, v1::Token>(
      {"v1_capabilities_list.json", "v1_country_spec.json", "v1_deleted_external_account.json",
       "v1_deleted_person.json", "v1_file.json", "v1_file_link.json", "v1_login_link.json",
       "v1_person_representative.json", "v1_token_account.json", "v1_token_person.json"});
  check_each<v1::Account, v1::Account, v2::Account, v2::Account, v2::Account, v2::AccountToken, v2::Event, v2::Event,
             stripe::V2List<v2::Event>, v2::EventDestination, v2::AccountPerson, v2::AccountPersonToken>(
      {"v1_account_company_details.json", "v1_account_individual.json", "v2_account_recipient.json",
       "v2_plan_company.json", "v2_account_individual.json", "v2_account_token.json",
       "v2_event_account_link_returned.json", "v2_event_account_requirements_updated.json", "v2_events_list.json",
       "v2_event_destination.json", "v2_person.json", "v2_person_token.json"});
  check_each<v1::Account, v1::Account, v1::Account, stripe::List<v1::Person>, stripe::List<v1::ExternalAccount>,
             v1::DeletedExternalAccount, v2::DeletedObject>(
      {"v1_plan_alternatives.json", "v1_plan_individual.json", "v1_plan_unknown.json", "v1_plan_company_persons.json",
       "v1_external_accounts_list.json", "v1_deleted_external_card.json", "v2_deleted_person.json"});
}

TEST_CASE("text decode: external accounts, a bank account or a card by their object") {
  const std::string text = test_support::fixture_text("v1_external_accounts_list.json");
  auto a = stripe::decode_text<stripe::List<v1::ExternalAccount>>(text);
  auto b = stripe::decode<stripe::List<v1::ExternalAccount>>(nlohmann::json::parse(text));
  REQUIRE(a.data.size() == b.data.size());
  REQUIRE(a.data.size() >= 2);
  for (std::size_t i = 0; i < a.data.size(); ++i) {
    CHECK(a.data[i].id == b.data[i].id);
    CHECK(a.data[i].raw == b.data[i].raw);
    CHECK(a.data[i].is_bank_account() == b.data[i].is_bank_account());
    if (a.data[i].is_bank_account()) CHECK(stripe::encode(*a.data[i].bank_account) == stripe::encode(*b.data[i].bank_account));
    if (a.data[i].is_card()) CHECK(stripe::encode(*a.data[i].card) == stripe::encode(*b.data[i].card));
  }
  CHECK(a.data[0].is_bank_account() != a.data[1].is_bank_account());
}

TEST_CASE("text decode: the benchmark account, field by field and as a list page") {
  const std::string text = bench_account();
  auto a = stripe::decode_text<v1::Account>(text);
  auto b = stripe::decode<v1::Account>(nlohmann::json::parse(text));
  CHECK(stripe::encode(a) == stripe::encode(b));
  CHECK_FALSE(a.id.empty());
  CHECK(a.id == b.id);
  CHECK(a.raw == nlohmann::json::parse(text));

  const std::string page = R"({"object":"list","url":"/v1/accounts","has_more":true,"data":[)" + text + "," +
                           text + R"(,{"id":"acct_3","object":"account","future_field":{"x":[1,2]}}]})";
  auto list = stripe::decode_text<stripe::List<v1::Account>>(page);
  REQUIRE(list.data.size() == 3);
  CHECK(list.has_more);
  CHECK(list.url == "/v1/accounts");
  CHECK(list.data[2].id == "acct_3");
  CHECK(list.data[2].raw->at("future_field").at("x").at(1) == 2);  // unknown fields stay readable
  CHECK(list.data[0].raw == nlohmann::json::parse(text));
  CHECK(list.raw->at("object") == "list");
  CHECK(decoders_agree<stripe::List<v1::Account>>(page));
}

TEST_CASE("text decode: values as a parsed document gives them") {
  auto a = stripe::decode_text<v1::Account>(
      R"({"id":"acct_\u00e9\ud83d\ude00\n","charges_enabled":true,"created":1.0e3,"metadata":{"k":"v","gone":null},)"
      R"("business_profile":{"mcc":"5734","name":null,"annual_revenue":{"amount":-0}},"email":null,"type":"custom"})");
  CHECK(a.id == "acct_\xc3\xa9\xf0\x9f\x98\x80\n");
  CHECK(a.charges_enabled == true);
  CHECK(a.created == 1000);
  CHECK(a.metadata.at("k") == "v");
  CHECK(a.business_profile->mcc == std::string("5734"));
  CHECK_FALSE(a.business_profile->name.has_value());
  CHECK(a.business_profile->annual_revenue->amount == 0);
  CHECK_FALSE(a.email.has_value());
  CHECK(a.type == v1::Account::Type::custom);
}

TEST_CASE("text decode: a repeated member counts once, the last one, as in a parsed document") {
  const std::string twice = R"({"id":"acct_1","id":"acct_2","business_profile":{"mcc":"1"},"business_profile":{"name":"N"}})";
  auto a = stripe::decode_text<v1::Account>(twice);
  CHECK(a.id == "acct_2");
  CHECK_FALSE(a.business_profile->mcc.has_value());
  CHECK(a.business_profile->name == std::string("N"));
  CHECK(decoders_agree<v1::Account>(twice));
  // A wrong type in a member that a later member of the same name replaces is no error.
  const std::string replaced = R"({"created":"soon","created":5,"metadata":{"a":1,"a":"x"}})";
  CHECK(stripe::decode_text<v1::Account>(replaced).created == 5);
  CHECK(stripe::decode_text<v1::Account>(replaced).metadata.at("a") == "x");
  CHECK(decoders_agree<v1::Account>(replaced));
  CHECK(decoders_agree<v1::Account>(R"({"created":5,"created":"soon"})"));
  CHECK_FALSE(decode_via_text<v1::Account>(R"({"created":5,"created":"soon"})").has_value());
}

TEST_CASE("text decode: a value of the wrong type names its path") {
  CHECK(error_of(R"({"business_profile":{"mcc":5734}})") ==
        "cannot decode business_profile.mcc: expected a string, got number");
  CHECK(error_of(R"({"requirements":{"currently_due":["a",7]}})") ==
        "cannot decode requirements.currently_due[1]: expected a string, got number");
  CHECK(error_of(R"({"created":9223372036854775808})") == "cannot decode created: expected a 64-bit integer, got number");
  CHECK(error_of(R"({"created":1.5})") == "cannot decode created: expected an integer, got number");
  CHECK(error_of(R"({"charges_enabled":"yes"})") == "cannot decode charges_enabled: expected a boolean, got string");
  CHECK(error_of(R"([])") == "cannot decode (root): expected an object, got array");
}

TEST_CASE("text decode: of several faults, the one the document decoder reports") {
  auto document_error = [](const std::string& text) -> std::string {
    try {
      (void)stripe::decode<v1::Account>(stripe::detail::parse_untrusted(text));
    } catch (const stripe::DecodeError& e) {
      return e.what();
    }
    return "";
  };
  // The first wrong field in describe order, not in the text's order; a map's in key order.
  for (const char* text : {R"({"created":"x","business_profile":{"mcc":5}})", R"({"metadata":{"b":1,"a":2}})",
                           R"({"type":7,"capabilities":{"z":1},"charges_enabled":"no"})"}) {
    INFO(text);
    CHECK_FALSE(error_of(text).empty());
    CHECK(error_of(text) == document_error(text));
  }
  CHECK(error_of(R"({"created":"x","business_profile":{"mcc":5}})") ==
        "cannot decode business_profile.mcc: expected a string, got number");
  // Too deep is said before not JSON, as parse_untrusted checks the nesting first.
  const std::string deep_after_a_fault = R"({"a":x,"z":)" + std::string(200, '[');
  CHECK_THROWS_WITH(stripe::decode_text<v1::Account>(deep_after_a_fault), Catch::Contains("deeper than 128 levels"));
}

TEST_CASE("text decode: text that is not JSON is refused as such, wherever the fault is") {
  const std::string account = bench_account();
  for (std::size_t cut : {std::size_t(1), account.size() / 3, account.size() / 2, account.size() - 2}) {
    INFO(cut);
    CHECK_THROWS_AS(stripe::decode_text<v1::Account>(account.substr(0, cut)), stripe::detail::JsonSyntaxError);
  }
  // A wrong type early, the text broken later: the text is what is wrong.
  CHECK_THROWS_AS(stripe::decode_text<v1::Account>(R"({"created":"x","id":)"), stripe::detail::JsonSyntaxError);
  for (const char* bad : {"", " ", "{", "{}x", "{,}", "{\"id\":\"a\",}", "[1,]", "01", "1.", "-", "1e", "+1", "tru",
                          "nul", "{\"id\":'a'}", "\"\\x\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"",
                          "\"a\tb\"", "\"\xC0\xAF\"", "\"\xED\xA0\x80\"", "\"\xF4\x90\x80\x80\"", "\"\xE2\x82\"",
                          "1e400", "{\"a\":1}/*c*/", "\xEF\xBB"}) {
    INFO(bad);
    CHECK_FALSE(decode_via_text<v1::Account>(bad).has_value());
    CHECK(decoders_agree<v1::Account>(bad));
  }
  std::string deep(200, '[');
  CHECK_THROWS_WITH(stripe::decode_text<nlohmann::json>(std::string(R"({"id":)") + deep),
                    Catch::Contains("deeper than 128 levels"));
}

TEST_CASE("text decode: edge cases agree with the parsed-document decoder") {
  for (const char* text :
       {"null", "\xEF\xBB\xBF{\"id\":\"bom\"}", " {\"id\" : \"a\" } \n", "{\"created\":-0.0}", "{\"created\":1E2}",
        "{\"created\":-9223372036854775808}", "{\"created\":-9223372036854775809}", "{\"created\":18446744073709551616}",
        "{\"created\":1e-400}", "{\"id\":\"\\u0000\"}", "{\"metadata\":{\"a/b~c\":\"x\"}}", "{\"metadata\":[]}",
        "{\"tos_acceptance\":{\"date\":null}}", "{\"requirements\":{\"currently_due\":[\"a\",null]}}",
        "{\"external_accounts\":{\"data\":[{\"object\":\"card\",\"id\":\"card_1\",\"exp_year\":2030}]}}",
        "{\"type\":\"a_type_from_the_future\"}", "{\"future\":{\"deep\":[[[[{}]]]],\"s\":\"\\\"\"}}"}) {
    INFO(text);
    CHECK(decoders_agree<v1::Account>(text));
  }
  // nlohmann's lexer ends the input at a NUL byte outside a string (found by fuzz_text_decode);
  // the nesting limit still reads the whole text, as parse_untrusted's check does.
  const std::string nul_ended("{\"id\":\"a\"} \0 ignored", 20);
  CHECK(stripe::decode_text<v1::Account>(nul_ended).id == "a");
  CHECK(decoders_agree<v1::Account>(nul_ended));
  const std::string nul_then_deep = std::string("{}\0", 3) + std::string(200, '[');
  CHECK_FALSE(decode_via_text<v1::Account>(nul_then_deep).has_value());
  CHECK(decoders_agree<v1::Account>(nul_then_deep));
  CHECK_FALSE(decode_via_text<v1::Account>(std::string("{\"id\":\"a\"\0}", 11)).has_value());
  CHECK(decoders_agree<v1::Account>(std::string("{\"id\":\"a\"\0}", 11)));

  auto a = stripe::decode_text<v1::Account>("\xEF\xBB\xBF{\"id\":\"bom\",\"type\":\"a_type_from_the_future\"}");
  CHECK(a.id == "bom");
  CHECK(a.type.value() == "a_type_from_the_future");
  CHECK_FALSE(a.type.is_known());
}

TEST_CASE("text decode: raw is a view into one shared document, parsed once on first use") {
  const std::string page = R"({"object":"list","url":"/v1/accounts","has_more":false,"data":[{"id":"a","x~/y":1},{"id":"b"}]})";
  auto list = stripe::decode_text<stripe::List<v1::Account>>(page);
  const nlohmann::json& first = list.data[0].raw;
  const nlohmann::json& whole = list.raw;
  CHECK(&first == &whole.at("data").at(0));  // no copy: the item's raw is inside the page's document
  CHECK(first.at("x~/y") == 1);
  v1::Account copy = list.data[1];
  list = {};
  CHECK(copy.raw->at("id") == "b");  // a copy keeps the document alive
  stripe::RawJson assigned = nlohmann::json{{"k", 1}};
  CHECK(assigned->at("k") == 1);
  CHECK(nlohmann::json{{"k", 2}} != assigned);
  std::ostringstream printed;
  printed << assigned;
  CHECK(printed.str() == R"({"k":1})");
  CHECK(stripe::RawJson().get().is_null());
}
