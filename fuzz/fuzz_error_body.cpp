// Error responses: any status from 400 to 599 with any body becomes a typed stripe::Error that
// keeps the whole body (with anything shaped like a secret key masked), through the client's
// own error mapping (v1 and v2 paths).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "stripe/client.hpp"
#include "stripe/detail/redact.hpp"
#include "stripe/testing/recording_transport.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  int status = 400 + (data[0] | (data[1] << 8)) % 200;
  std::string body(reinterpret_cast<const char*>(data + 2), size - 2);
  auto transport = std::make_shared<stripe::testing::RecordingTransport>();
  transport->then_respond(status, body);
  transport->then_respond(status, body);
  stripe::ClientOptions o;
  o.secret_key = "sk_test_fuzz_secret_key";
  o.transport = transport;
  o.retry.max_retries = 0;
  stripe::Client client(o);
  for (const char* path : {"/v1/accounts", "/v2/core/accounts"}) {
    try {
      client.raw_request(stripe::http::Method::get, path);
      std::abort();  // an error status never succeeds
    } catch (const stripe::Error& e) {
      if (e.http_status() != status || e.raw_body() != stripe::detail::redact(body, o.secret_key)) std::abort();
      if (std::string(e.what()).find("sk_test_fuzz_secret_key") != std::string::npos) std::abort();
    }
  }
  return 0;
}
