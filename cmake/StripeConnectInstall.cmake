include(CMakePackageConfigHelpers)

# Headers, targets, the CMake package (arch independent: header-only), pkg-config files and
# the license. The config directory is share/ because nothing here depends on the architecture.
install(DIRECTORY include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS ${_sc_targets} EXPORT stripe_connectTargets)
install(EXPORT stripe_connectTargets
  NAMESPACE stripe_connect::
  DESTINATION ${CMAKE_INSTALL_DATADIR}/stripe_connect)

configure_package_config_file(cmake/stripe_connectConfig.cmake.in
  ${PROJECT_BINARY_DIR}/stripe_connectConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_DATADIR}/stripe_connect)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/stripe_connectConfigVersion.cmake
  COMPATIBILITY SameMinorVersion ARCH_INDEPENDENT)
install(FILES ${PROJECT_BINARY_DIR}/stripe_connectConfig.cmake ${PROJECT_BINARY_DIR}/stripe_connectConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_DATADIR}/stripe_connect)

# pkg-config: one file per CMake target.
set(_sc_pc_name stripe_connect)
set(_sc_pc_description "Header-only C++17 SDK for Stripe Connect onboarding")
set(_sc_pc_requires "nlohmann_json >= 3.10")
set(_sc_pc_cflags "-I\${includedir}")
configure_file(cmake/stripe_connect.pc.in ${PROJECT_BINARY_DIR}/pkgconfig/stripe_connect.pc @ONLY)
if(STRIPE_CONNECT_WITH_CURL)
  set(_sc_pc_name stripe_connect_curl)
  set(_sc_pc_description "stripe_connect with the default libcurl transport")
  set(_sc_pc_requires "stripe_connect = ${PROJECT_VERSION}, libcurl")
  set(_sc_pc_cflags "-DSTRIPE_CONNECT_HAS_CURL=1")
  configure_file(cmake/stripe_connect.pc.in ${PROJECT_BINARY_DIR}/pkgconfig/stripe_connect_curl.pc @ONLY)
endif()
if(STRIPE_CONNECT_WITH_WEBHOOK)
  set(_sc_pc_name stripe_connect_webhook)
  set(_sc_pc_description "stripe_connect webhook verification (OpenSSL)")
  set(_sc_pc_requires "stripe_connect = ${PROJECT_VERSION}, libcrypto")
  set(_sc_pc_cflags "")
  configure_file(cmake/stripe_connect.pc.in ${PROJECT_BINARY_DIR}/pkgconfig/stripe_connect_webhook.pc @ONLY)
endif()
install(DIRECTORY ${PROJECT_BINARY_DIR}/pkgconfig/ DESTINATION ${CMAKE_INSTALL_DATADIR}/pkgconfig)
install(FILES LICENSE README.md CHANGELOG.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
