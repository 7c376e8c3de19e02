package com.qteria.workflow;

/** Workflow bodies for tests, in the JSON of API.md. */
final class WorkflowJson {

    private WorkflowJson() {
    }

    /** Three buckets, five criteria, four check types. */
    static String machinery(String name) {
        return """
                {"name": "%s", "description": "Technical file check",
                 "buckets": [
                   {"key": "test_reports", "name": "Test reports", "required": true, "order": 0},
                   {"key": "declaration", "name": "Declaration of conformity", "required": true, "order": 1},
                   {"name": "Risk assessment", "required": false, "order": 2}],
                 "criteria": [
                   {"key": "tr_standard", "name": "Test report cites EN 60204-1", "description": "Names the standard.",
                    "applies_to": ["test_reports"], "severity": "required", "order": 0,
                    "checks": [{"type": "contains", "all": ["EN 60204-1"]}]},
                   {"key": "tr_date", "name": "Test report is recent", "applies_to": ["test_reports"],
                    "checks": [{"type": "date_not_older", "near": ["Date of issue"], "months": 24}]},
                   {"key": "doc_signed", "name": "Declaration is signed", "applies_to": ["declaration"],
                    "checks": [{"type": "signed"}]},
                   {"key": "model_consistent", "name": "Model designation agrees", "applies_to": ["*"],
                    "severity": "advisory",
                    "checks": [{"type": "same_value", "pattern": "Model: ([A-Z0-9-]+)", "across": ["test_reports", "declaration"]}]},
                   {"name": "Risk assessment covers all life-cycle phases", "description": "Transport to dismantling.",
                    "applies_to": ["risk_assessment"]}]}""".formatted(name);
    }
}
