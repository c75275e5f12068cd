// Runs the example programs against the simulator served over loopback HTTP.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>

#include "stripe/connect.hpp"
#include "support/sim_http_bridge.hpp"

namespace {

struct Run {
  int rc;
  std::string out;
};

Run run(const std::string& command) {
  std::string out;
  FILE* p = popen((command + " 2>&1").c_str(), "r");
  REQUIRE(p != nullptr);
  char buf[4096];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  int status = pclose(p);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

std::string env_prefix(const std::string& base) { return "STRIPE_SECRET_KEY=sk_test_examples STRIPE_API_BASE=" + base + " "; }

// An example that serves HTTP (example_server.hpp), started with `--port 0`: the port it printed
// in its "listening on" line, what it said until then, and at finish() the rest and its exit.
struct ServedExample {
  FILE* pipe = nullptr;
  int port = 0;
  std::string out;

  explicit ServedExample(const std::string& command) : pipe(popen((command + " 2>&1").c_str(), "r")) {
    REQUIRE(pipe != nullptr);
    char line[512];
    while (port == 0 && std::fgets(line, sizeof line, pipe)) {
      std::string text = line;
      out += text;
      if (text.rfind("listening on ", 0) == 0) port = std::atoi(text.c_str() + text.rfind(':') + 1);
    }
    REQUIRE(port > 0);
  }
  ServedExample(const ServedExample&) = delete;
  ServedExample& operator=(const ServedExample&) = delete;
  ~ServedExample() {
    if (pipe) pclose(pipe);
  }

  // Reads the rest of what it prints and returns its exit status (-1 when it did not exit).
  int finish() {
    char line[512];
    while (std::fgets(line, sizeof line, pipe)) out += line;
    const int status = pclose(pipe);
    pipe = nullptr;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
};

}  // namespace

TEST_CASE("examples exit with a clear message when STRIPE_SECRET_KEY is missing") {
  for (const char* exe : {EXAMPLE_EXPRESS, EXAMPLE_API_ONBOARDING, EXAMPLE_V2_RECIPIENT, EXAMPLE_LIST, EXAMPLE_COMPANY,
                          EXAMPLE_EXPRESS_DASHBOARD, EXAMPLE_EMBEDDED}) {
    auto r = run(std::string("env -u STRIPE_SECRET_KEY ") + exe);
    CHECK(r.rc == 2);
    CHECK(r.out.find("set STRIPE_SECRET_KEY") != std::string::npos);
  }
}

TEST_CASE("examples run against the simulator over HTTP") {
  auto sim = std::make_shared<stripe::testing::Simulator>();
  test_support::SimulatorHttpBridge bridge(sim);
  auto env = env_prefix(bridge.base_url());

  auto express = run(env + EXAMPLE_EXPRESS);
  CHECK(express.rc == 0);
  CHECK(express.out.find("created Express account acct_") != std::string::npos);
  CHECK(express.out.find("state: restricted") != std::string::npos);
  CHECK(express.out.find("onboarding link created, expires at ") != std::string::npos);
  REQUIRE(sim->link_urls().size() == 1);
  CHECK(express.out.find(sim->link_urls()[0]) == std::string::npos);  // a link URL is never printed

  auto api = run(env + EXAMPLE_API_ONBOARDING);
  CHECK(api.rc == 0);
  CHECK(api.out.find("details_submitted=1") != std::string::npos);
  CHECK(api.out.find("currently due 0") != std::string::npos);
  CHECK(api.out.find("account_update links allowed: yes") != std::string::npos);

  auto recipient = run(env + EXAMPLE_V2_RECIPIENT);
  CHECK(recipient.rc == 0);
  CHECK(recipient.out.find("action required") != std::string::npos);
  CHECK(recipient.out.find("onboarding link created") != std::string::npos);
  REQUIRE(sim->link_urls().size() == 2);
  CHECK(recipient.out.find(sim->link_urls()[1]) == std::string::npos);
  for (const auto* out : {&express.out, &recipient.out}) CHECK(out->find("connect.simulator.invalid") == std::string::npos);

  auto list = run(env + EXAMPLE_LIST);
  CHECK(list.rc == 0);
  CHECK(list.out.find("3 accounts in 1 pages") != std::string::npos);

  auto failing = run("STRIPE_SECRET_KEY=pk_test_wrong STRIPE_API_BASE=" + bridge.base_url() + " " + EXAMPLE_LIST);
  CHECK(failing.rc == 1);
  CHECK(failing.out.find("Stripe error") != std::string::npos);
}

TEST_CASE("the demo against an API hands links over in a private file, never on screen") {
  auto sim = std::make_shared<stripe::testing::Simulator>();
  test_support::SimulatorHttpBridge bridge(sim);
  std::string link_file = "demo-link-" + std::to_string(::getpid()) + ".txt";
  auto demo = run("STRIPE_DEMO_POLLS=1 " + env_prefix(bridge.base_url()) + EXAMPLE_DEMO + " --link-file " + link_file);
  CHECK(demo.rc == 0);
  CHECK(demo.out.find("link created, expires at") != std::string::npos);
  CHECK(demo.out.find("open the link in " + link_file) != std::string::npos);
  REQUIRE(sim->link_urls().size() == 2);  // v1 and v2
  for (const auto& url : sim->link_urls()) CHECK(demo.out.find(url) == std::string::npos);
  CHECK(demo.out.find("connect.simulator.invalid") == std::string::npos);
  std::ifstream gone(link_file);
  CHECK_FALSE(gone.good());  // removed when the demo ends
}

TEST_CASE("webhook receiver verifies deliveries and tracks state over loopback") {
  auto sim = std::make_shared<stripe::testing::Simulator>();
  test_support::SimulatorHttpBridge bridge(sim);
  std::vector<stripe::testing::WebhookDelivery> deliveries;
  sim->on_webhook([&](const stripe::testing::WebhookDelivery& d) { deliveries.push_back(d); });

  // Produce real deliveries: a v2 account goes through onboarding in the simulator.
  stripe::ClientOptions o;
  o.secret_key = "sk_test_receiver";
  o.transport = sim;
  stripe::Client client(o);
  nlohmann::ordered_json create = {{"identity", {{"country", "US"}, {"entity_type", "individual"}}},
                                   {"configuration", {{"recipient", {{"capabilities", {{"stripe_balance", {{"stripe_transfers", {{"requested", true}}}}}}}}}}}};
  auto account = client.raw_request(stripe::http::Method::post, "/v2/core/accounts", create);
  auto link = client.raw_request(stripe::http::Method::post, "/v2/core/account_links",
                                 {{"account", account->at("id")},
                                  {"use_case", {{"type", "account_onboarding"},
                                                {"account_onboarding", {{"refresh_url", "https://p.example/r"},
                                                                        {"return_url", "https://p.example/x"}}}}}});
  sim->submit_onboarding(link->at("url").get<std::string>());
  const stripe::testing::WebhookDelivery* account_updated = nullptr;
  const stripe::testing::WebhookDelivery* requirements_updated = nullptr;
  for (const auto& d : deliveries) {
    if (d.type == "account.updated" && !account_updated) account_updated = &d;
    if (d.type == "v2.core.account[requirements].updated" && !requirements_updated) requirements_updated = &d;
  }
  REQUIRE(account_updated);
  REQUIRE(requirements_updated);

  ServedExample receiver("STRIPE_WEBHOOK_SECRET=" + sim->webhook_secret() + " " + env_prefix(bridge.base_url()) +
                         EXAMPLE_WEBHOOK_RECEIVER + " --port 0 --max-requests 5");

  httplib::Client http("127.0.0.1", receiver.port);
  auto post = [&](const std::string& body, const std::string& signature) {
    httplib::Headers h;
    if (!signature.empty()) h.emplace("Stripe-Signature", signature);
    auto res = http.Post("/webhook", h, body, "application/json");
    return res ? res->status : -1;
  };
  // The simulator's deliveries verify as they are, with the receiver's default options.
  CHECK(post(account_updated->payload, account_updated->signature_header) == 200);
  std::string tampered = account_updated->payload;
  tampered.replace(tampered.find("\"livemode\":false"), 16, "\"livemode\":true ");
  CHECK(post(tampered, account_updated->signature_header) == 400);
  CHECK(post(account_updated->payload, "") == 400);
  auto long_ago = static_cast<std::int64_t>(std::time(nullptr)) - 3600;
  CHECK(post(account_updated->payload,
             stripe::webhook::sign_payload(account_updated->payload, sim->webhook_secret(), long_ago)) == 400);
  CHECK(post(requirements_updated->payload, requirements_updated->signature_header) == 200);

  CHECK(receiver.finish() == 0);
  const std::string& out = receiver.out;
  std::string id = account->at("id").get<std::string>();
  CHECK(out.find(id + ": (new) -> pending (disabled) (account.updated)") != std::string::npos);
  CHECK(out.find("rejected delivery: no signature matches") != std::string::npos);
  CHECK(out.find("rejected delivery: missing Stripe-Signature header") != std::string::npos);
  CHECK(out.find("older than the tolerance") != std::string::npos);
  CHECK(out.find("(v2.core.account[requirements].updated)") != std::string::npos);
  CHECK(out.find(sim->webhook_secret()) == std::string::npos);
}

TEST_CASE("the company example onboards a company through the API to complete, uploading its ID document") {
  stripe::testing::SimulatorOptions options;
  auto sim = std::make_shared<stripe::testing::Simulator>(options);
  test_support::SimulatorHttpBridge bridge(sim);
  // Stripe verifies in the background; here each retrieve moves the simulated clock past the
  // verification delay, so the example's first poll sees the result.
  sim->on_request([&](const stripe::http::Request& req) {
    if (req.method == stripe::http::Method::get) sim->advance_clock(options.verification_delay);
  });
  auto r = run(env_prefix(bridge.base_url()) + "STRIPE_FILES_BASE=" + bridge.base_url() + " " + EXAMPLE_COMPANY);
  INFO(r.out);
  CHECK(r.rc == 0);
  CHECK(r.out.find("created company account acct_") != std::string::npos);
  CHECK(r.out.find("uploaded identity document file_") != std::string::npos);
  CHECK(r.out.find("added representative person_") != std::string::npos);
  CHECK(r.out.find("bank account attached: ending 2345") != std::string::npos);
  CHECK(r.out.find("state: complete; currently due 0, pending verification 0, payouts_enabled=1") != std::string::npos);
  CHECK(r.out.find("test document") == std::string::npos);  // file contents never appear
  CHECK(r.out.find("00012345") == std::string::npos);       // nor the full account number
}

TEST_CASE("the Express dashboard example creates a login link and never shows its URL") {
  auto sim = std::make_shared<stripe::testing::Simulator>();
  test_support::SimulatorHttpBridge bridge(sim);
  auto env = env_prefix(bridge.base_url());
  auto r = run(env + EXAMPLE_EXPRESS_DASHBOARD);
  INFO(r.out);
  CHECK(r.rc == 0);
  CHECK(r.out.find("created Express account acct_") != std::string::npos);
  CHECK(r.out.find("Express Dashboard login link created at ") != std::string::npos);
  CHECK(r.out.find("connect.simulator.invalid") == std::string::npos);
  CHECK(r.out.find("http") == std::string::npos);

  // An account without the Express Dashboard has none: a clear Stripe error, exit 1.
  stripe::ClientOptions o;
  o.secret_key = "sk_test_examples";
  o.transport = sim;
  stripe::Client client(o);
  stripe::v1::AccountCreateParams custom;
  custom.type = stripe::v1::AccountCreateParams::Type::custom;
  custom.country = "US";
  custom.capabilities.emplace().transfers.emplace().requested = true;
  auto account = client.v1().accounts().create(custom);
  auto refused = run(env + EXAMPLE_EXPRESS_DASHBOARD + " " + account->id);
  CHECK(refused.rc == 1);
  CHECK(refused.out.find("Stripe error") != std::string::npos);
}

TEST_CASE("the embedded onboarding server hands the page an Account Session client secret and logs none") {
  auto sim = std::make_shared<stripe::testing::Simulator>();
  test_support::SimulatorHttpBridge bridge(sim);
  ServedExample app(env_prefix(bridge.base_url()) + "STRIPE_PUBLISHABLE_KEY=pk_test_page " + EXAMPLE_EMBEDDED +
                    " --port 0 --max-requests 2");
  CHECK(app.out.find("seller account acct_") != std::string::npos);

  httplib::Client http("127.0.0.1", app.port);
  auto page = http.Get("/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->body.find("instance.create(\"account-onboarding\")") != std::string::npos);
  CHECK(page->body.find("pk_test_page") != std::string::npos);
  auto session = http.Post("/account_session", "", "application/json");
  REQUIRE(session);
  CHECK(session->status == 200);
  auto body = nlohmann::json::parse(session->body);
  const std::string secret = body.at("client_secret").get<std::string>();
  CHECK(secret.size() > 20);
  CHECK(body.size() == 1);  // the page gets the client secret and nothing else

  CHECK(app.finish() == 0);
  CHECK(app.out.find("account session for acct_") != std::string::npos);
  CHECK(app.out.find(secret) == std::string::npos);
}

TEST_CASE("the API-onboarding web app starts on the simulator and serves its first form") {
  // Without STRIPE_SECRET_KEY it runs offline; the first page starts onboarding, the next one
  // is the plan's first group as a plain HTML form. The browser test goes through every form.
  ServedExample app(std::string("env -u STRIPE_SECRET_KEY ") + EXAMPLE_API_ONBOARDING_WEB + " --port 0 --max-requests 3");
  CHECK(app.out.find("against the in-process simulator") != std::string::npos);

  httplib::Client http("127.0.0.1", app.port);
  auto start = http.Get("/");
  REQUIRE(start);
  CHECK(start->status == 200);
  CHECK(start->body.find("<form method=\"post\" action=\"/accounts\">") != std::string::npos);
  auto created = http.Post("/accounts", "", "application/x-www-form-urlencoded");
  REQUIRE(created);
  CHECK(created->status == 303);
  CHECK(created->get_header_value("Location") == "/onboarding");
  auto form = http.Get("/onboarding");
  REQUIRE(form);
  CHECK(form->status == 200);
  CHECK(form->body.find("<h2>Business details</h2>") != std::string::npos);
  CHECK(form->body.find("<form method=\"post\" action=\"/onboarding\">") != std::string::npos);
  CHECK(form->body.find("<label for=\"company.name\">Company name</label>") != std::string::npos);
  CHECK(form->body.find("<input type=\"url\" id=\"business_profile.url\"") != std::string::npos);

  CHECK(app.finish() == 0);
  CHECK(app.out.find("created company account acct_") != std::string::npos);
}
