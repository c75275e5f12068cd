include(CMakePackageConfigHelpers)

install(DIRECTORY include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS ${_sc_targets} EXPORT stripe_connectTargets)
install(EXPORT stripe_connectTargets
  NAMESPACE stripe_connect::
  DESTINATION ${CMAKE_INSTALL_DATADIR}/stripe_connect/cmake)

configure_package_config_file(cmake/stripe_connectConfig.cmake.in
  ${PROJECT_BINARY_DIR}/stripe_connectConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_DATADIR}/stripe_connect/cmake)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/stripe_connectConfigVersion.cmake
  COMPATIBILITY SameMinorVersion ARCH_INDEPENDENT)
install(FILES ${PROJECT_BINARY_DIR}/stripe_connectConfig.cmake ${PROJECT_BINARY_DIR}/stripe_connectConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_DATADIR}/stripe_connect/cmake)

set(_sc_pc_requires "nlohmann_json")
configure_file(cmake/stripe_connect.pc.in ${PROJECT_BINARY_DIR}/stripe_connect.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/stripe_connect.pc DESTINATION ${CMAKE_INSTALL_DATADIR}/pkgconfig)
