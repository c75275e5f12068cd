// A file upload over the real HTTP path: CurlTransport sends the multipart body to the files
// host byte for byte, and a retry after a 500 resends the same bytes with the same key.
#include <catch2/catch.hpp>

#include <mutex>
#include <string>
#include <vector>

#include "stripe/client.hpp"
#include "stripe/v1/files.hpp"
#include "support/fault_server.hpp"

namespace {

struct Upload {
  std::string content_type;
  std::string idempotency_key;
  std::string body;
};

}  // namespace

TEST_CASE("loopback: a file upload goes to the files host as multipart bytes, and a 500 is retried with the same body and key") {
  std::mutex mutex;
  std::vector<Upload> uploads;
  // A raw server: the bytes exactly as they arrived, no multipart parsing in between.
  test_support::FaultServer files_host([&](const test_support::RawRequest& req) {
    std::lock_guard<std::mutex> lock(mutex);
    uploads.push_back(Upload{req.header("content-type"), req.header("idempotency-key"), req.body});
    if (req.target != "/v1/files") return test_support::RawReply::respond(404, "{}");
    return uploads.size() == 1
               ? test_support::RawReply::respond(500, R"({"error":{"type":"api_error","message":"try again"}})")
               : test_support::RawReply::respond(200, R"({"id":"file_1","object":"file","purpose":"identity_document","size":9})");
  });
  files_host.start();

  stripe::ClientOptions o;
  o.secret_key = "sk_test_upload";
  o.base_url = "http://127.0.0.1:9";  // nothing listens there: only the files host may be used
  o.files_base_url = files_host.base_url();
  o.sleep = [](std::chrono::milliseconds) {};
  stripe::Client client(o);

  stripe::v1::FileCreateParams params;
  params.file.data = std::string("ID\0\xff\r\n--x", 9);  // NUL, a high byte, CRLF and dashes
  params.file.name = "front.png";
  params.file.type = "image/png";
  params.purpose = stripe::v1::FileCreateParams::Purpose::identity_document;
  auto file = client.v1().files().create(params);

  CHECK(file->id == "file_1");
  CHECK(file.attempts() == 2);
  std::lock_guard<std::mutex> lock(mutex);
  REQUIRE(uploads.size() == 2);
  const std::string prefix = "multipart/form-data; boundary=";
  REQUIRE(uploads[0].content_type.rfind(prefix, 0) == 0);
  const std::string boundary = uploads[0].content_type.substr(prefix.size());
  CHECK(boundary.size() == 36);  // a UUID: it cannot occur in the file by chance
  const std::string expected = "--" + boundary + "\r\n" +
                               "Content-Disposition: form-data; name=\"file\"; filename=\"front.png\"\r\n"
                               "Content-Type: image/png\r\n\r\n" +
                               std::string("ID\0\xff\r\n--x", 9) + "\r\n--" + boundary + "\r\n" +
                               "Content-Disposition: form-data; name=\"purpose\"\r\n\r\n"
                               "identity_document\r\n--" + boundary + "--\r\n";
  CHECK(uploads[0].body == expected);
  CHECK(uploads[1].body == uploads[0].body);
  CHECK(uploads[1].content_type == uploads[0].content_type);
  CHECK(uploads[0].idempotency_key.size() > 0);
  CHECK(uploads[1].idempotency_key == uploads[0].idempotency_key);
}
