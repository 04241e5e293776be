package com.tradesignals.execution.reports;

public enum ReportType {
    ACK(AckReport.class),
    FILL(FillReport.class),
    ERROR(ErrorReport.class);

    private final Class<? extends DeviceReport> requestClass;

    ReportType(Class<? extends DeviceReport> requestClass) {
        this.requestClass = requestClass;
    }

    public Class<? extends DeviceReport> requestClass() {
        return requestClass;
    }
}
