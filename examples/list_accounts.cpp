// Every connected account, fetched a page at a time, with its onboarding state.
#include <iostream>
#include <map>

#include "example_env.hpp"
#include "stripe/onboarding.hpp"

int main() {
  auto client = client_from_env("list_accounts");
  if (!client) return 2;
  try {
    stripe::v1::AccountListParams params;
    params.limit = 100;
    std::map<std::string, int> by_state;
    int total = 0;
    auto pager = client->v1().accounts().list_all(params);
    for (const auto& account : pager) {
      const char* state = stripe::onboarding::to_string(stripe::onboarding::account_state(account));
      std::cout << account.id << "  " << state << "\n";
      ++by_state[state];
      ++total;
    }
    std::cout << total << " accounts in " << pager.pages_fetched() << " pages\n";
    for (const auto& [state, count] : by_state) std::cout << "  " << state << ": " << count << "\n";
    return 0;
  } catch (const stripe::Error& e) {
    std::cerr << "Stripe error: " << e.what() << "\n";
    return 1;
  }
}
