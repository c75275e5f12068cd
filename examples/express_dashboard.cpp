// v1: an Express seller opens the Express Dashboard. Create a login link when the signed-in seller
// asks for it and redirect them at once: the URL signs them in, so it is never stored, logged or
// sent anywhere else.
//
//   express_dashboard [acct_...]   (without an account, it creates an Express account first)
#include <iostream>
#include <string>

#include "example_env.hpp"
#include "stripe/v1/login_links.hpp"

int main(int argc, char** argv) {
  auto client = client_from_env("express_dashboard");
  if (!client) return 2;
  try {
    std::string account = argc > 1 ? argv[1] : "";
    if (account.empty()) {
      stripe::v1::AccountCreateParams create;
      create.type = stripe::v1::AccountCreateParams::Type::express;
      create.country = "US";
      create.email = "jenny.rosen@example.com";
      create.capabilities.emplace().transfers.emplace().requested = true;
      account = client->v1().accounts().create(create)->id;
      std::cout << "created Express account " << account << "\n";
    }
    auto link = client->v1().login_links().create(account);
    // In a web app: answer the seller's request with a 302 to link->url.
    std::cout << "Express Dashboard login link created at " << link->created << " (" << link->url.size()
              << " characters); redirect the seller to it now\n";
    return 0;
  } catch (const stripe::Error& e) {  // e.g. an InvalidRequestError for an account without the Express Dashboard
    std::cerr << "Stripe error: " << e.what() << "\n";
    return 1;
  }
}
