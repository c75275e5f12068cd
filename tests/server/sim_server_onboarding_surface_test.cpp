// stripe-connect-sim over HTTP with this SDK's libcurl transport: a GB company onboarded through
// the API, an identity document uploaded as multipart/form-data through the server included.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>

#include "stripe/connect.hpp"
#include "stripe/http/curl_transport.hpp"
#include "support/company_onboarding.hpp"
#include "support/sim_process.hpp"
#include "support/sim_server_lifecycle.hpp"

namespace {

std::string surface_sim_binary() {
  const char* env = std::getenv("STRIPE_CONNECT_SIM");
  return env && *env ? env : STRIPE_CONNECT_SIM_BINARY;
}

}  // namespace

TEST_CASE("stripe-connect-sim: a GB company onboards through the API: upload, persons, bank account, verification",
          "[sim_server]") {
  test_support::SimProcess sim(surface_sim_binary());
  auto client = test_support::client_for(sim);
  auto [clock_status, clock] = sim.control("GET", "clock");
  REQUIRE(clock_status == 200);

  auto done = test_support::onboard_gb_company(client, clock.at("now").get<std::int64_t>());
  // The upload crossed the server intact: its size and type are the bytes the SDK sent.
  auto file = client.v1().files().retrieve(done.document).value();
  CHECK(file.size == static_cast<std::int64_t>(test_support::tiny_png().size()));
  CHECK(file.type == std::string("png"));
  CHECK(file.filename == std::string("passport.png"));
  CHECK(file.purpose == "identity_document");

  auto before = client.v1().accounts().retrieve(done.account).value();
  CHECK(before.requirements->currently_due->empty());
  CHECK(before.requirements->pending_verification->size() == 3);  // tax id, bank account, the representative's document
  CHECK_FALSE(before.charges_enabled);

  auto [advance_status, advanced] = sim.control("POST", "clock/advance", {{"seconds", 60}});
  CHECK(advance_status == 200);
  auto after = client.v1().accounts().retrieve(done.account).value();
  CHECK(after.requirements->currently_due->empty());
  CHECK(after.requirements->eventually_due->empty());
  CHECK(after.requirements->past_due->empty());
  CHECK(after.requirements->pending_verification->empty());
  CHECK(after.charges_enabled);
  CHECK(after.payouts_enabled);
  CHECK(after.capabilities.at("card_payments") == "active");
  CHECK(after.capabilities.at("transfers") == "active");
  auto rep = client.v1().persons().retrieve(done.account, done.representative).value();
  CHECK(rep.verification->status == "verified");
  auto bank = client.v1().external_accounts().retrieve(done.account, done.bank_account).value();
  CHECK(bank.bank_account->last4 == "2345");
  CHECK(bank.bank_account->routing_number == std::string("108800"));

  // A malformed identity document is refused over HTTP too, with the reason.
  try {
    client.v1().files().create(test_support::identity_document("plain text, not an image", "image/png"));
    FAIL("a text file passed as an identity document");
  } catch (const stripe::InvalidRequestError& e) {
    CHECK(e.http_status() == 400);
    CHECK(e.message().find("PDF, JPEG or PNG") != std::string::npos);
  }
  CHECK(sim.stop() == 0);
}
