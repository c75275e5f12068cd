// Compile-cost probe: a program that only verifies a webhook signature.
#include <stripe/webhook/signature.hpp>

int main(int argc, char** argv) {
  try {
    stripe::webhook::verify_signature(argc > 1 ? argv[1] : "{}", argc > 2 ? argv[2] : "t=1,v1=00", "whsec_compile");
    return 0;
  } catch (const std::exception&) {
    return 1;
  }
}
