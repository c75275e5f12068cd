#include <catch2/catch.hpp>

#include "stripe/testing/recording_transport.hpp"
#include "stripe/webhook.hpp"
#include "support/fixtures.hpp"

namespace wh = stripe::webhook;
using Reason = wh::SignatureVerificationError::Reason;

namespace {
const char* kSecret = "whsec_test_secret_1234567890";

wh::VerifyOptions at(std::int64_t now, std::int64_t tolerance = 300) {
  wh::VerifyOptions o;
  o.now = [now] { return now; };
  o.tolerance = std::chrono::seconds(tolerance);
  return o;
}

Reason reason_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const wh::SignatureVerificationError& e) {
    return e.reason();
  }
  FAIL("expected SignatureVerificationError");
  return Reason::signature_mismatch;
}

std::string event_payload() {
  nlohmann::json e = {{"id", "evt_1"},
                      {"object", "event"},
                      {"type", "account.updated"},
                      {"account", "acct_1Nv0FGQ9RKHgCVdK"},
                      {"created", 1700000000},
                      {"livemode", false},
                      {"pending_webhooks", 1},
                      {"data", {{"object", test_support::fixture("v1_account_custom.json")},
                                {"previous_attributes", {{"charges_enabled", true}}}}},
                      {"request", {{"id", nullptr}, {"idempotency_key", nullptr}}}};
  return e.dump();
}
}  // namespace

TEST_CASE("signatures match vectors computed independently with the openssl CLI") {
  auto vectors = nlohmann::json::parse(test_support::read_file(std::string(STRIPE_CONNECT_TEST_DATA) + "/webhook_vectors.json"));
  REQUIRE(vectors.at("vectors").size() == 4);
  for (const auto& v : vectors.at("vectors")) {
    auto payload = v.at("payload").get<std::string>();
    auto secret = v.at("secret").get<std::string>();
    auto t = v.at("timestamp").get<std::int64_t>();
    CHECK(wh::compute_signature(secret, t, payload) == v.at("v1").get<std::string>());
    std::string header = "t=" + std::to_string(t) + ",v1=" + v.at("v1").get<std::string>();
    CHECK_NOTHROW(wh::verify_signature(payload, header, secret, at(t + 10)));
  }
}

TEST_CASE("any v1 signature may match; v0 and unknown schemes are ignored") {
  std::string payload = event_payload();
  std::string good = wh::compute_signature(kSecret, 1700000000, payload);
  std::string wrong(64, 'a');
  wh::verify_signature(payload, "t=1700000000,v1=" + wrong + ",v1=" + good + ",v0=" + wrong, kSecret, at(1700000005));
  wh::verify_signature(payload, "t=1700000000, v0=" + wrong + ", v1=" + good + ", v9=xyz", kSecret, at(1700000005));
  std::string upper = good;
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  wh::verify_signature(payload, "t=1700000000,v1=" + upper, kSecret, at(1700000005));
  CHECK(reason_of([&] { wh::verify_signature(payload, "t=1700000000,v1=" + wrong, kSecret, at(1700000005)); }) ==
        Reason::signature_mismatch);
}

TEST_CASE("tampered payloads, wrong secrets and old timestamps are rejected") {
  std::string payload = event_payload();
  std::string header = wh::sign_payload(payload, kSecret, 1700000000);
  CHECK(reason_of([&] { wh::verify_signature(payload + " ", header, kSecret, at(1700000001)); }) == Reason::signature_mismatch);
  CHECK(reason_of([&] { wh::verify_signature(payload, header, "whsec_other", at(1700000001)); }) == Reason::signature_mismatch);
  CHECK(reason_of([&] { wh::verify_signature(payload, header, kSecret, at(1700000301)); }) ==
        Reason::timestamp_outside_tolerance);
  CHECK_NOTHROW(wh::verify_signature(payload, header, kSecret, at(1700000300)));
  CHECK_NOTHROW(wh::verify_signature(payload, header, kSecret, at(1900000000, 0)));  // 0 disables the age check
  // Re-signing with another timestamp but the old signature fails: the timestamp is signed.
  std::string replay = "t=1700000999," + header.substr(header.find("v1="));
  CHECK(reason_of([&] { wh::verify_signature(payload, replay, kSecret, at(1700001000)); }) == Reason::signature_mismatch);
}

TEST_CASE("every malformed header and a blank secret get a clear typed error") {
  std::string p = "{}";
  std::string sig(64, 'b');
  CHECK(reason_of([&] { wh::verify_signature(p, "", kSecret, at(1)); }) == Reason::missing_header);
  CHECK(reason_of([&] { wh::verify_signature(p, "garbage", kSecret, at(1)); }) == Reason::malformed_header);
  CHECK(reason_of([&] { wh::verify_signature(p, "v1=" + sig, kSecret, at(1)); }) == Reason::malformed_header);
  CHECK(reason_of([&] { wh::verify_signature(p, "t=abc,v1=" + sig, kSecret, at(1)); }) == Reason::malformed_header);
  CHECK(reason_of([&] { wh::verify_signature(p, "t=1,t=2,v1=" + sig, kSecret, at(1)); }) == Reason::malformed_header);
  CHECK(reason_of([&] { wh::verify_signature(p, "t=1,v1=short", kSecret, at(1)); }) == Reason::malformed_header);
  CHECK(reason_of([&] { wh::verify_signature(p, "t=1,v0=" + sig, kSecret, at(1)); }) == Reason::no_v1_signature);
  CHECK(reason_of([&] { wh::verify_signature(p, "t=1,,v1=" + sig, kSecret, at(1)); }) == Reason::malformed_header);
  CHECK(reason_of([&] { wh::verify_signature(p, "t=1,v1=" + sig, "   ", at(1)); }) == Reason::blank_secret);
  CHECK(reason_of([&] { wh::verify_signature(p, "t=1,v1=" + sig, "", at(1)); }) == Reason::blank_secret);
  try {
    wh::verify_signature(p, "t=1,v1=" + sig, kSecret, at(1));
  } catch (const stripe::Error& e) {
    CHECK(std::string(e.what()).find(kSecret) == std::string::npos);  // never the secret
  }
}

TEST_CASE("construct_event types account.updated and keeps previous_attributes raw") {
  std::string payload = event_payload();
  auto e = wh::construct_event(payload, wh::sign_payload(payload, kSecret, 1700000000), kSecret, at(1700000002));
  CHECK(e.type == "account.updated");
  CHECK(e.account == std::string("acct_1Nv0FGQ9RKHgCVdK"));
  CHECK(e.created == 1700000000);
  CHECK(e.data.previous_attributes.at("charges_enabled") == true);
  auto acct = e.account_object();
  CHECK(acct.id == "acct_1Nv0FGQ9RKHgCVdK");
  CHECK(acct.requirements->past_due->at(0) == "company.tax_id");
  CHECK_THROWS_AS(e.capability_object(), stripe::DecodeError);
  CHECK(e.raw->at("id") == "evt_1");
}

TEST_CASE("capability.updated and account.application.deauthorized parse") {
  nlohmann::json cap = {{"id", "evt_c"}, {"object", "event"}, {"type", "capability.updated"}, {"created", 1},
                        {"data", {{"object", {{"id", "transfers"}, {"object", "capability"}, {"account", "acct_1"},
                                              {"requested", true}, {"status", "active"}}}}}};
  auto e = wh::parse_event(cap.dump());
  CHECK(e.capability_object().status == stripe::v1::Capability::Status::active);
  CHECK(e.capability_object().account.id == "acct_1");
  nlohmann::json deauth = {{"id", "evt_d"}, {"object", "event"}, {"type", "account.application.deauthorized"},
                           {"account", "acct_9"}, {"created", 2},
                           {"data", {{"object", {{"id", "ca_1"}, {"object", "application"}, {"name", "Platform"}}}}}};
  auto d = wh::parse_event(deauth.dump());
  CHECK(d.type == "account.application.deauthorized");
  CHECK(d.account == std::string("acct_9"));
  CHECK(d.data.object.at("object") == "application");
}

TEST_CASE("payloads that are not JSON events give a typed error") {
  for (std::string bad : {"", "not json", "[1,2]", R"({"object":"event","created":"yesterday"})", R"({"object":"charge"})"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(wh::parse_event(bad), stripe::Error);
  }
  CHECK(reason_of([] { wh::parse_event("{\"id\": \"evt"); }) == Reason::invalid_payload);
  std::string valid_sig_bad_body = "nope";
  CHECK(reason_of([&] {
          wh::construct_event(valid_sig_bad_body, wh::sign_payload(valid_sig_bad_body, kSecret, 5), kSecret, at(5));
        }) == Reason::invalid_payload);
}

TEST_CASE("v2 notifications parse, and the related account is fetched with Stripe-Context") {
  nlohmann::json n = {{"id", "evt_v2"}, {"object", "v2.core.event"}, {"type", "v2.core.account[requirements].updated"},
                      {"created", "2026-11-22T10:00:00.000Z"}, {"livemode", false}, {"context", "acct_platform/acct_1"},
                      {"related_object", {{"id", "acct_1"}, {"type", "v2.core.account"}, {"url", "/v2/core/accounts/acct_1"}}}};
  std::string payload = n.dump();
  auto note = wh::construct_event_notification(payload, wh::sign_payload(payload, kSecret, 100), kSecret, at(101));
  CHECK(note.type == "v2.core.account[requirements].updated");
  CHECK(note.related_object->url == "/v2/core/accounts/acct_1");

  auto t = std::make_shared<stripe::testing::RecordingTransport>();
  t->then_respond(200, test_support::fixture_text("v2_account_recipient.json"));
  stripe::ClientOptions o;
  o.secret_key = "sk_test_x";
  o.transport = t;
  stripe::Client client(o);
  auto acct = wh::fetch_related_account(client, note);
  CHECK(acct->id == "acct_1V2RecipientCC");
  CHECK(t->requests()[0].url == "https://api.stripe.com/v2/core/accounts/acct_1");
  CHECK(t->requests()[0].headers.get("Stripe-Context") == std::string("acct_platform/acct_1"));

  for (const char* evil : {"https://evil.example/v2/core/accounts/acct_1", "//evil.example/x", "v2/core/accounts"}) {
    auto bad = note;
    bad.related_object->url = evil;
    CHECK_THROWS_AS(wh::fetch_related_account(client, bad), stripe::InvalidParamsError);
  }
  CHECK(t->request_count() == 1);
  CHECK_THROWS_AS(wh::parse_event_notification(R"({"object":"event"})"), wh::SignatureVerificationError);
  // A notification that does not say what it is cannot be routed.
  CHECK_THROWS_AS(wh::parse_event_notification(R"({"object":"v2.core.event","type":"v2.core.account.created"})"),
                  stripe::DecodeError);
  CHECK_THROWS_AS(wh::parse_event_notification(R"({"object":"v2.core.event","id":"evt_1"})"), stripe::DecodeError);
}

TEST_CASE("payloads whose fields have the wrong JSON type get a typed error, never a JSON exception") {
  // Found by fuzz_webhook: "object" given as an object made json::value throw type_error.
  for (const char* payload : {R"({"id":"evt_1","object":{"x":1},"type":"account.updated"})",
                              R"({"id":"evt_1","object":["event"]})", R"({"object":5})"}) {
    std::string p = payload;
    CHECK(reason_of([&] { wh::construct_event(p, wh::sign_payload(p, kSecret, 7), kSecret, at(7)); }) ==
          Reason::invalid_payload);
    CHECK(reason_of([&] {
            wh::construct_event_notification(p, wh::sign_payload(p, kSecret, 7), kSecret, at(7));
          }) == Reason::invalid_payload);
  }
  std::string p = R"({"id":"evt_1","object":"event","type":"account.updated","data":{"object":{"object":{"id":1}}}})";
  auto event = wh::construct_event(p, wh::sign_payload(p, kSecret, 7), kSecret, at(7));
  CHECK_THROWS_AS(event.account_object(), stripe::DecodeError);
}
