// A webhook endpoint: verifies every delivery, keeps each connected account's onboarding
// state from account.updated and v2.core.account[requirements].updated, and prints changes.
//
//   STRIPE_WEBHOOK_SECRET=whsec_... webhook_receiver [--port 4242] [--max-requests N]
// STRIPE_SECRET_KEY (and STRIPE_API_BASE) let it fetch v2 accounts named by notifications.
#include <httplib.h>

#include <cstdlib>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "example_server.hpp"
#include "stripe/onboarding.hpp"
#include "stripe/webhook.hpp"

namespace {

class Receiver {
 public:
  Receiver(std::string secret, std::optional<stripe::Client> client)
      : secret_(std::move(secret)), client_(std::move(client)) {}

  // Returns the HTTP status to answer with.
  int handle(const std::string& body, const std::string& signature) {
    try {
      stripe::webhook::verify_signature(body, signature, secret_);
      auto kind = nlohmann::json::parse(body, nullptr, false);
      if (kind.is_object() && kind.value("object", "") == "v2.core.event") {
        on_v2(stripe::webhook::parse_event_notification(body));
      } else {
        on_v1(stripe::webhook::parse_event(body));
      }
      return 200;
    } catch (const stripe::webhook::SignatureVerificationError& e) {
      std::cout << "rejected delivery: " << e.what() << std::endl;
      return 400;
    } catch (const stripe::Error& e) {
      std::cout << "could not process delivery: " << e.what() << std::endl;
      return 500;  // Stripe retries the delivery later
    }
  }

 private:
  void on_v1(const stripe::webhook::Event& e) {
    if (e.type != "account.updated") {
      std::cout << "ignored " << e.type << std::endl;
      return;
    }
    auto account = e.account_object();
    update(account.id, stripe::onboarding::to_string(stripe::onboarding::account_state(account)), e.type);
  }

  void on_v2(const stripe::webhook::EventNotification& n) {
    if (n.type != "v2.core.account[requirements].updated" || !n.related_object) {
      std::cout << "ignored " << n.type << std::endl;
      return;
    }
    if (!client_) {
      std::cout << n.type << " for " << n.related_object->id << " (set STRIPE_SECRET_KEY to fetch it)" << std::endl;
      return;
    }
    auto account = stripe::webhook::fetch_related_account(*client_, n, {"requirements", "configuration.recipient"});
    update(account->id, stripe::onboarding::summarize(*account).label(), n.type);
  }

  void update(const std::string& id, const std::string& state, const std::string& why) {
    std::lock_guard<std::mutex> lock(mutex_);
    std::string& cached = states_[id];
    if (cached == state) return;
    std::cout << id << ": " << (cached.empty() ? "(new)" : cached) << " -> " << state << " (" << why << ")"
              << std::endl;
    cached = state;
  }

  std::string secret_;
  std::optional<stripe::Client> client_;
  std::mutex mutex_;
  std::map<std::string, std::string> states_;
};

}  // namespace

int main(int argc, char** argv) {
  ExampleServer server(argc, argv);
  const char* secret = std::getenv("STRIPE_WEBHOOK_SECRET");
  if (!secret || !*secret) {
    std::cerr << "webhook_receiver: set STRIPE_WEBHOOK_SECRET to the endpoint's signing secret (whsec_...).\n";
    return 2;
  }
  std::optional<stripe::Client> client;
  if (const char* key = std::getenv("STRIPE_SECRET_KEY"); key && *key) {
    stripe::ClientOptions o;
    o.secret_key = key;
    if (const char* base = std::getenv("STRIPE_API_BASE"); base && *base) o.base_url = base;
    client.emplace(o);
  }
  Receiver receiver(secret, std::move(client));
  server.http().Post("/webhook", [&](const httplib::Request& req, httplib::Response& res) {
    res.status = receiver.handle(req.body, req.get_header_value("Stripe-Signature"));
    res.set_content(res.status == 200 ? "{\"received\":true}" : "{\"received\":false}", "application/json");
    server.handled();
  });
  return server.run("webhook_receiver", "/webhook");
}
