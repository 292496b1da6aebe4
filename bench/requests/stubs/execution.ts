export default { vu: { idInTest: 1 }, scenario: { iterationInTest: 0 } };
