/**
 * Inputs that AWS APIs return, as the AWS CLI prints them: for now the IAM account
 * authorization details ({@code aws iam get-account-authorization-details}).
 */
package dev.breachpath.load.aws;
