// Compile-cost baseline: nlohmann/json alone, parsing a string.
#include <nlohmann/json.hpp>

int main() {
  auto j = nlohmann::json::parse(R"({"object":"account_link","url":"https://example.com"})");
  return j.at("url").get<std::string>().empty() ? 1 : 0;
}
